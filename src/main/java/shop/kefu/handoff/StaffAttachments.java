package shop.kefu.handoff;

import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.aftersales.StaffAttachmentAccess;

/** Staff see an attachment through the conversations it was used in, by the rule for conversations. */
@ApplicationScoped
public class StaffAttachments implements StaffAttachmentAccess {

    @Inject
    AgentService agents;

    @Override
    public void checkMayOpenAny(JsonWebToken staff, List<String> conversationIds) {
        agents.mayOpenAny(conversationIds, AgentResource.agent(staff));
    }
}

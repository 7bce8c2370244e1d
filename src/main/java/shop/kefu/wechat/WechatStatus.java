package shop.kefu.wechat;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import shop.kefu.common.Refusal;
import shop.kefu.conversation.ChatEvent;
import shop.kefu.handoff.AgentResource;
import shop.kefu.handoff.AgentService;
import shop.kefu.security.Roles;

/**
 * What WeChat still lets the agent send in a WeChat conversation: when the reply window closes, how
 * many messages remain, and how many replies wait (and why). Open to whoever may open the conversation.
 */
@Path("/api/agent/conversations/{id}/wechat")
@RolesAllowed({ Roles.AGENT, Roles.ADMIN })
public class WechatStatus {

    @Inject
    AgentService agents;
    @Inject
    JsonWebToken jwt;
    @Inject
    WechatConfig config;

    /**
     * @param windowEndsAt null before the user's first message
     * @param held {@code window_closed}, {@code quota} or null
     */
    public record Status(String conversationId, OffsetDateTime windowEndsAt, boolean windowOpen, int remainingMessages,
            long queuedReplies, String held, String lastError) {
    }

    @GET
    public Status status(@PathParam("id") String id) {
        agents.customerOf(id, AgentResource.agent(jwt)); // 404 / 403 not_yours as for the transcript
        return QuarkusTransaction.requiringNew().call(() -> {
            WechatConversation wc = WechatConversation.findById(id);
            if (wc == null) {
                throw new Refusal(Refusal.Kind.NOT_FOUND, "not_wechat", "This conversation did not come through WeChat.");
            }
            WechatUser u = WechatUser.findById(wc.openid);
            ReplyAllowance allowed = ReplyAllowance.of(u, config, OffsetDateTime.now());
            long queued = ChatEvent.count("conversationId = ?1 and seq > ?2 and type = 'reply'", id, wc.deliveredSeq);
            return new Status(id, allowed.windowEnd(), allowed.windowOpen(), allowed.remaining(), queued, u.heldReason, u.lastError);
        });
    }
}

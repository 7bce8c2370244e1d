package shop.kefu.aftersales;

import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whether a staff member may see an attachment, given the conversations it was used in. Staff see
 * attachments by the rule for conversations, which lives in the agent workspace (a layer above this
 * package); the workspace implements this.
 */
public interface StaffAttachmentAccess {

    /** Refuses (forbidden, {@code not_yours}) unless the staff member may open one of these conversations. */
    void checkMayOpenAny(JsonWebToken staff, List<String> conversationIds);
}

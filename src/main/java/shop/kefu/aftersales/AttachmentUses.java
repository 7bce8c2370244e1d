package shop.kefu.aftersales;

import java.util.Collection;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where attachments are used (table attachment_use): in a shopper's message, or as an after-sales
 * order's evidence. An attachment with no use is unreferenced (the clean-up deletes it when old); staff
 * reach an attachment through the conversations it was used in.
 */
@ApplicationScoped
public class AttachmentUses {

    /** Records that the attachments were sent in a message of the conversation; repeating it changes nothing. */
    public void sentIn(String conversationId, Collection<String> attachmentIds) {
        if (!attachmentIds.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> record(conversationId, attachmentIds));
        }
    }

    /**
     * Records the uses in the caller's transaction ({@code conversationId} null: evidence of an order made
     * outside a conversation). Ids of attachments that do not exist are skipped.
     */
    void record(String conversationId, Collection<String> attachmentIds) {
        var em = Attachment.getEntityManager();
        for (String id : attachmentIds) {
            if (conversationId == null) {
                em.createNativeQuery("INSERT INTO attachment_use (attachment_id, conversation_id) SELECT a.id, NULL FROM attachment a "
                        + "WHERE a.id = ?1 AND NOT EXISTS (SELECT 1 FROM attachment_use u WHERE u.attachment_id = a.id AND u.conversation_id IS NULL)")
                        .setParameter(1, id).executeUpdate();
            } else {
                em.createNativeQuery("INSERT INTO attachment_use (attachment_id, conversation_id) SELECT a.id, ?2 FROM attachment a "
                        + "WHERE a.id = ?1 AND NOT EXISTS (SELECT 1 FROM attachment_use u WHERE u.attachment_id = a.id AND u.conversation_id = ?2)")
                        .setParameter(1, id).setParameter(2, conversationId).executeUpdate();
            }
        }
    }

    /** The conversations the attachment was used in (none for an upload never sent, or evidence outside one). */
    @SuppressWarnings("unchecked")
    List<String> conversationsOf(String attachmentId) {
        return QuarkusTransaction.requiringNew().call(() -> Attachment.getEntityManager()
                .createNativeQuery("SELECT DISTINCT conversation_id FROM attachment_use WHERE attachment_id = ?1 AND conversation_id IS NOT NULL")
                .setParameter(1, attachmentId).getResultList());
    }
}

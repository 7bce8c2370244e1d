package shop.kefu.aftersales;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.common.Exceptions;
import shop.kefu.common.Refusal;

/**
 * Per-shopper limits on stored attachments (files and bytes, sent or not). Counted from the attachment
 * table itself, so deletions by the clean-up give room back with no counter to keep in step.
 */
@ApplicationScoped
class AttachmentQuota {

    @Inject
    AttachmentsConfig config;

    /** Refuses if the shopper's stored attachments and one more of {@code bytes} would exceed a limit. */
    void ensureRoom(String customerId, long bytes) {
        Object[] used = QuarkusTransaction.joiningExisting().call(() -> (Object[]) Attachment.getEntityManager()
                .createQuery("select count(a), coalesce(sum(a.sizeBytes), 0) from Attachment a where a.customerId = ?1")
                .setParameter(1, customerId).getSingleResult());
        long files = ((Number) used[0]).longValue();
        long stored = ((Number) used[1]).longValue();
        if (files + 1 > config.quotaFiles() || stored + bytes > config.quotaBytes()) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "quota_exceeded", "You have stored " + files + " images (" + mib(stored)
                    + " MiB); at most " + config.quotaFiles() + " images and " + mib(config.quotaBytes())
                    + " MiB are kept per shopper. Images never sent in a chat are removed after " + config.unreferencedAfter().toString().substring(2).toLowerCase()
                    + ".");
        }
    }

    /**
     * Stores an attachment of {@code bytes} if it fits, holding the shopper's attachment_quota_lock row:
     * uploads of one shopper are checked and stored one after the other, each seeing the others.
     */
    void storeWithin(String customerId, long bytes, Runnable store) {
        ensureLockRow(customerId);
        QuarkusTransaction.requiringNew().run(() -> {
            Attachment.getEntityManager().createNativeQuery("SELECT customer_id FROM attachment_quota_lock WHERE customer_id = ?1 FOR UPDATE")
                    .setParameter(1, customerId).getResultList();
            ensureRoom(customerId, bytes);
            store.run();
        });
    }

    /** The shopper's lock row, created by their first upload (a racing creator's duplicate is fine). */
    private static void ensureLockRow(String customerId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                var em = Attachment.getEntityManager();
                if (em.createNativeQuery("SELECT customer_id FROM attachment_quota_lock WHERE customer_id = ?1")
                        .setParameter(1, customerId).getResultList().isEmpty()) {
                    em.createNativeQuery("INSERT INTO attachment_quota_lock (customer_id) VALUES (?1)").setParameter(1, customerId)
                            .executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            if (!Exceptions.constraintViolation(e)) {
                throw e;
            }
        }
    }

    private static long mib(long bytes) {
        return bytes / 1024 / 1024;
    }
}

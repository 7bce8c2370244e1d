package shop.kefu.aftersales;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Deletes uploads that were never used (no message sent them, no after-sales order holds them as
 * evidence) once they are {@code kefu.attachments.unreferenced-after} old, and what a crash left in the
 * incoming folder. A used attachment is never deleted here.
 */
@ApplicationScoped
public class AttachmentCleanup {

    private static final Logger LOG = Logger.getLogger(AttachmentCleanup.class);
    private static final int BATCH = 500;

    @Inject
    AttachmentsConfig config;
    @Inject
    Attachments attachments;

    @Scheduled(every = "${kefu.attachments.cleanup-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        removeUnreferenced();
    }

    /** Returns how many attachments were deleted. */
    public int removeUnreferenced() {
        OffsetDateTime before = OffsetDateTime.now().minus(config.unreferencedAfter());
        int removed = 0;
        List<String> batch;
        int removedNow;
        do {
            batch = unreferenced(before);
            removedNow = 0;
            for (String id : batch) {
                try {
                    removedNow += remove(id) ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Could not remove attachment %s; the next run tries again", id);
                }
            }
            removed += removedNow;
        } while (batch.size() == BATCH && removedNow > 0);
        removeLeftovers(before.toInstant());
        if (removed > 0) {
            LOG.infof("Removed %d unused attachments uploaded before %s", removed, before);
        }
        return removed;
    }

    @SuppressWarnings("unchecked")
    private static List<String> unreferenced(OffsetDateTime before) {
        return QuarkusTransaction.requiringNew().call(() -> Attachment.getEntityManager().createNativeQuery(
                "SELECT a.id FROM attachment a WHERE a.created_at < ?1 "
                        + "AND NOT EXISTS (SELECT 1 FROM attachment_use u WHERE u.attachment_id = a.id) ORDER BY a.created_at")
                .setParameter(1, before).setMaxResults(BATCH).getResultList());
    }

    /**
     * The file goes first, inside the transaction that deletes the row: a failure in between leaves a row
     * without its file (answered 404, deleted by the next run), never a file nobody knows of.
     */
    private boolean remove(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int deleted = Attachment.getEntityManager().createNativeQuery(
                    "DELETE FROM attachment WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM attachment_use u WHERE u.attachment_id = ?1)")
                    .setParameter(1, id).executeUpdate();
            if (deleted > 0) {
                Files.deleteIfExists(attachments.file(id));
            }
            return deleted > 0;
        });
    }

    /** Re-encoded uploads whose request never finished (the service stopped meanwhile). */
    private void removeLeftovers(Instant before) {
        try (Stream<Path> files = Files.list(attachments.incoming())) {
            files.filter(f -> modifiedBefore(f, before)).forEach(Attachments::deleteQuietly);
        } catch (IOException e) {
            LOG.warnf("Could not list %s: %s", attachments.incoming(), e.getMessage());
        }
    }

    private static boolean modifiedBefore(Path f, Instant before) {
        try {
            return Files.getLastModifiedTime(f).toInstant().isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }
}

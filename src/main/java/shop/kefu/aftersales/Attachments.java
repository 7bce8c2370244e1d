package shop.kefu.aftersales;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.common.Refusal;
import shop.kefu.common.StorableText;

/**
 * Evidence photos, stored in {@code kefu.attachments.dir}. An upload is stored only as a re-encoded
 * image ({@link ImageReencoder}: no EXIF, no location), within the shopper's quota
 * ({@link AttachmentQuota}) and while the disk keeps {@code kefu.attachments.min-free-bytes} free.
 * Who may see one: {@code AttachmentResource}; when unused ones go: {@link AttachmentCleanup}.
 */
@ApplicationScoped
public class Attachments {

    private static final Logger LOG = Logger.getLogger(Attachments.class);

    @Inject
    AttachmentsConfig config;
    @Inject
    ImageReencoder images;
    @Inject
    AttachmentQuota quota;

    public Attachment store(String customerId, Path upload, String fileName) {
        long size;
        try {
            size = Files.size(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size == 0) {
            throw Refusal.invalid("empty_file", "The file is empty.");
        }
        long maxBytes = config.maxBytes();
        if (size > maxBytes) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "too_large", "Images may be at most " + maxBytes / 1024 / 1024 + " MiB.");
        }
        quota.ensureRoom(customerId, size); // before spending a decode on a shopper who is full; checked again under the lock
        ensureDiskRoom(size);
        Attachment a = new Attachment();
        a.id = "AT" + UUID.randomUUID().toString().replace("-", "");
        a.customerId = customerId;
        String name = StorableText.cleaned(fileName);
        a.fileName = name == null ? null : name.substring(0, Math.min(200, name.length()));
        Path incoming = incoming().resolve(a.id);
        try {
            ImageReencoder.Reencoded image = images.reencode(upload, incoming);
            a.contentType = image.contentType();
            a.sizeBytes = image.size();
            a.createdAt = OffsetDateTime.now();
            quota.storeWithin(customerId, a.sizeBytes, a::persist);
            // the row first: a crash before the move leaves a row nobody has the id of, which the clean-up deletes
            moveIntoPlace(a, incoming);
            return a;
        } finally {
            deleteQuietly(incoming);
        }
    }

    /** The attachment, whoever it belongs to; who may see it is the caller's question. */
    public Optional<Attachment> find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Attachment.<Attachment> findByIdOptional(id));
    }

    /** The stored image; absent only if the service stopped between storing the row and the file. */
    public Optional<Path> file(Attachment a) {
        Path f = file(a.id);
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    Path file(String id) {
        return folder().resolve(id);
    }

    /** Where uploads wait while they are re-encoded and checked; anything left here is from a crash. */
    Path incoming() {
        Path p = folder().resolve("incoming");
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private Path folder() {
        return Path.of(config.dir());
    }

    private void moveIntoPlace(Attachment a, Path incoming) {
        try {
            Files.move(incoming, file(a.id), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            QuarkusTransaction.requiringNew().run(() -> Attachment.deleteById(a.id));
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses uploads while they would leave the attachments' disk with less than the configured free
     * space: when the folder shares the database's disk, a full disk stops the database too.
     */
    private void ensureDiskRoom(long bytes) {
        long free;
        try {
            free = Files.getFileStore(incoming()).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (free - bytes < config.minFreeBytes()) {
            LOG.warnf("Upload refused: %d MiB free in %s, kefu.attachments.min-free-bytes is %d MiB", free >> 20, config.dir(),
                    config.minFreeBytes() >> 20);
            throw new Refusal(Refusal.Kind.INSUFFICIENT_STORAGE, "storage_full",
                    "Images cannot be stored at the moment: the service is short of disk space.");
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", p, e.getMessage());
        }
    }
}

package shop.kefu.aftersales;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.common.DataConfig;
import shop.kefu.common.Refusal;

/**
 * Evidence photos. Only images (recognised by their first bytes, not by what the client claims), at
 * most {@code kefu.attachments.max-bytes}; stored under the data folder, visible to their shopper and
 * to staff only.
 */
@ApplicationScoped
public class Attachments {

    @Inject
    DataConfig data;
    @Inject
    AttachmentsConfig config;

    public Attachment store(String customerId, Path upload, String fileName) {
        long size;
        String type;
        try {
            size = Files.size(upload);
            type = imageType(upload);
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
        if (type == null) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "not_an_image", "Only JPEG, PNG, GIF and WebP images are accepted.");
        }
        Attachment a = new Attachment();
        a.id = "AT" + UUID.randomUUID().toString().replace("-", "");
        a.customerId = customerId;
        a.contentType = type;
        a.sizeBytes = size;
        a.fileName = fileName == null ? null : fileName.substring(0, Math.min(200, fileName.length()));
        a.createdAt = OffsetDateTime.now();
        try {
            Files.createDirectories(folder());
            Files.copy(upload, folder().resolve(a.id), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        QuarkusTransaction.requiringNew().run(a::persist);
        return a;
    }

    /** The attachment if the viewer may see it: its shopper, or staff. */
    public Optional<Attachment> visibleTo(String id, String viewer, boolean staff) {
        return QuarkusTransaction.requiringNew().call(() -> Attachment.<Attachment> findByIdOptional(id))
                .filter(a -> staff || a.customerId.equals(viewer));
    }

    public Path file(Attachment a) {
        return folder().resolve(a.id);
    }

    private Path folder() {
        return Path.of(data.dir(), "attachments");
    }

    static String imageType(Path file) throws IOException {
        byte[] h = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(h, 0, h.length);
        }
        if (n >= 3 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8 && (h[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (n >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return "image/png";
        }
        if (n >= 6 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') {
            return "image/gif";
        }
        if (n >= 12 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F' && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return "image/webp";
        }
        return null;
    }
}

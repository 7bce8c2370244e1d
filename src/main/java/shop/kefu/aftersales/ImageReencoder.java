package shop.kefu.aftersales;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import shop.kefu.common.Refusal;

/**
 * Decodes an uploaded image and writes its pixels again, and nothing else: EXIF (a photo's location,
 * camera, time), XMP and text chunks stay behind. Only what decodes as a JPEG, PNG, GIF or WebP is
 * accepted, whatever its name or first bytes claim; its declared size is checked before decoding, so a
 * small file declaring a huge image (a decompression bomb) is refused without allocating it. JPEGs stay
 * JPEGs (turned upright first, as their EXIF orientation said); PNGs and GIFs (first frame) become PNGs;
 * WebPs, which phones and WeChat send for photos, become JPEGs, or PNGs when they have transparency
 * (every staff browser shows those, and a photo stays a photo-sized file).
 */
@ApplicationScoped
public class ImageReencoder {

    /** High enough that a photo of a damaged item keeps its detail after a second JPEG generation. */
    private static final float JPEG_QUALITY = 0.9f;
    private static final Set<String> ACCEPTED = Set.of("jpeg", "png", "gif", "webp");

    static {
        // the WebP decoder is a javax.imageio plugin, found by a service lookup that ImageIO makes once, with
        // whatever class loader is current then: looked up again here, with the application's
        ImageIO.scanForPlugins();
    }

    private final AttachmentsConfig config;
    private final Semaphore decoding;

    ImageReencoder(AttachmentsConfig config) {
        this.config = config;
        this.decoding = new Semaphore(Math.max(1, config.maxConcurrentDecodes()), true);
    }

    public record Reencoded(String contentType, long size) {
    }

    /** Reads {@code source} and writes the re-encoded image to {@code target}. */
    public Reencoded reencode(Path source, Path target) {
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to decode an image", e);
        }
        try {
            Decoded decoded = decode(source);
            try {
                if (decoded.jpeg()) {
                    writeJpeg(decoded.image(), target);
                } else if (!ImageIO.write(decoded.image(), "png", target.toFile())) {
                    throw notAnImage(); // no PNG writer for this kind of image
                }
                return new Reencoded(decoded.jpeg() ? "image/jpeg" : "image/png", Files.size(target));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } finally {
            decoding.release();
        }
    }

    private record Decoded(BufferedImage image, boolean jpeg) {
    }

    private Decoded decode(Path source) {
        try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // metadata is never needed: the EXIF orientation is read apart
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!ACCEPTED.contains(format)) {
                    throw notAnImage();
                }
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > config.maxPixels()) {
                    throw new Refusal(Refusal.Kind.TOO_LARGE, "too_many_pixels",
                            "Images may have at most " + config.maxPixels() / 1_000_000 + " megapixels.");
                }
                boolean jpeg = format.equals("jpeg");
                BufferedImage image = upright(reader.read(0), jpeg ? ExifOrientation.of(source) : 1);
                return new Decoded(image, jpeg || format.equals("webp") && !image.getColorModel().hasAlpha());
            } finally {
                reader.dispose();
            }
        } catch (Refusal e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // decoders answer malformed input with IIOException or with any runtime exception of their own
            throw notAnImage();
        }
    }

    private static Refusal notAnImage() {
        return new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "not_an_image", "Only JPEG, PNG, GIF and WebP images that can be decoded are accepted.");
    }

    private static void writeJpeg(BufferedImage image, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param); // no metadata: nothing of the original's
        } finally {
            writer.dispose();
        }
    }

    /** Turns the pixels as EXIF orientation 2-8 asks (mirrored and/or rotated); 1 and others unchanged. */
    static BufferedImage upright(BufferedImage src, int orientation) {
        int w = src.getWidth();
        int h = src.getHeight();
        // each maps the pixel (x, y) to where it shows on screen; 5-8 swap width and height
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (t == null) {
            return src;
        }
        boolean swap = orientation >= 5;
        int type = src.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : src.getType();
        BufferedImage dst = new BufferedImage(swap ? h : w, swap ? w : h, type);
        return new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(src, dst);
    }
}

package shop.kefu.aftersales;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The EXIF orientation of a JPEG (1 to 8; 1 when absent or unreadable). Re-encoding drops EXIF, and with
 * it the tag that tells viewers to turn a phone photo upright, so the pixels are turned instead.
 */
final class ExifOrientation {

    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** Reads the segments before the image data only; each is at most 64 KiB. */
    static int of(Path jpeg) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(jpeg)))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return 1;
            }
            while (true) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) {
                    return 1; // start of scan, end of image, or garbage: no EXIF before the image data
                }
                int length = in.readUnsignedShort() - 2;
                if (length < 0) {
                    return 1;
                }
                if (marker != 0xFFE1) {
                    in.skipNBytes(length);
                    continue;
                }
                byte[] segment = in.readNBytes(length);
                if (segment.length > EXIF.length && Arrays.equals(segment, 0, EXIF.length, EXIF, 0, EXIF.length)) {
                    return fromTiff(segment, EXIF.length);
                }
            }
        } catch (IOException e) {
            return 1;
        }
    }

    /** The orientation entry of IFD0 of the TIFF structure starting at {@code start}; 1 if malformed. */
    static int fromTiff(byte[] b, int start) {
        if (b.length < start + 8) {
            return 1;
        }
        boolean little = b[start] == 'I' && b[start + 1] == 'I';
        if (!little && !(b[start] == 'M' && b[start + 1] == 'M')) {
            return 1;
        }
        long ifd = start + u32(b, start + 4, little);
        if (ifd + 2 > b.length) {
            return 1;
        }
        int entries = u16(b, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > b.length) {
                return 1;
            }
            if (u16(b, (int) entry, little) == ORIENTATION_TAG) {
                int value = u16(b, (int) entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xff;
        int y = b[at + 1] & 0xff;
        return little ? x | y << 8 : x << 8 | y;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long hi = u16(b, little ? at + 2 : at, little);
        long lo = u16(b, little ? at : at + 2, little);
        return hi << 16 | lo;
    }
}

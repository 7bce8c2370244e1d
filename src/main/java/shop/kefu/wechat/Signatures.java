package shop.kefu.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * WeChat's request signatures: SHA-1 (hex) of the parts sorted as strings and joined. The URL's
 * {@code signature} signs token, timestamp and nonce; safe mode's {@code msg_signature} also the
 * encrypted message.
 */
final class Signatures {

    private Signatures() {
    }

    static String sign(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compared in constant time, so a forger learns nothing from how long a refusal takes. */
    static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}

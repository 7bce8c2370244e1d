package shop.kefu.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

import io.smallrye.jwt.util.KeyUtils;

/**
 * Recognises the demo key pair (the {@code demo-keys/} folder of the repository) by the key itself, so a
 * copy under another name, inline in the configuration or inside a JWK set is still the demo key. Only a
 * fingerprint of the public key is in the service: the private key never ships in the jar.
 */
final class DemoKeys {

    /** SHA-256 of the demo public key's X.509 encoding (demo-keys/publicKey.pem). */
    static final String PUBLIC_KEY_SHA256 = "03985dc195d8416227c1efd1eecf735302b0277800adf9d76e55fcf4c1831399";

    private DemoKeys() {
    }

    static boolean isDemo(PublicKey key) {
        return PUBLIC_KEY_SHA256.equals(fingerprint(key));
    }

    private static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The RSA public keys in key material in any format SmallRye JWT verifies with: a PEM (or bare
     * base64) public key, a PEM certificate, a JWK or a JWK set. The demo key is RSA, so key material
     * that holds no RSA key (an EC key, say) is simply not the demo key.
     */
    static List<PublicKey> publicKeysIn(String content) {
        List<PublicKey> keys = new ArrayList<>();
        String trimmed = content.trim();
        if (trimmed.startsWith("{")) {
            List<JsonWebKey> jwks = KeyUtils.loadJsonWebKeys(trimmed);
            for (JsonWebKey jwk : jwks == null ? List.<JsonWebKey> of() : jwks) {
                if (jwk instanceof PublicJsonWebKey p && p.getPublicKey() != null) {
                    keys.add(p.getPublicKey());
                }
            }
            return keys;
        }
        try {
            keys.add(trimmed.contains("CERTIFICATE") ? KeyUtils.decodeCertificate(trimmed) : KeyUtils.decodePublicKey(trimmed));
        } catch (GeneralSecurityException | IllegalArgumentException notAKey) {
            // not an RSA key: not the demo key
        }
        return keys;
    }
}

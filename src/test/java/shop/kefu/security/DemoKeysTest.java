package shop.kefu.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

/** The demo key is recognised by content in every format a verification key can be given in. */
class DemoKeysTest {

    private static String pem(String path) throws Exception {
        return Files.readString(Path.of(path));
    }

    @Test
    void theFingerprintIsTheDemoKeyInTheRepository() throws Exception {
        List<PublicKey> keys = DemoKeys.publicKeysIn(pem("demo-keys/publicKey.pem"));
        assertEquals(1, keys.size());
        assertTrue(DemoKeys.isDemo(keys.get(0)), "regenerated demo keys need a new DemoKeys.PUBLIC_KEY_SHA256");
    }

    @Test
    void theDemoKeyAsAJwkSetOrBareBase64IsStillTheDemoKey() throws Exception {
        PublicKey demo = DemoKeys.publicKeysIn(pem("demo-keys/publicKey.pem")).get(0);
        PublicKey other = DemoKeys.publicKeysIn(pem("src/test/resources/test-keys/publicKey.pem")).get(0);
        String jwks = new JsonWebKeySet(PublicJsonWebKey.Factory.newPublicJwk(other), PublicJsonWebKey.Factory.newPublicJwk(demo)).toJson();
        assertTrue(DemoKeys.publicKeysIn(jwks).stream().anyMatch(DemoKeys::isDemo));
        assertTrue(DemoKeys.publicKeysIn(JsonWebKey.Factory.newJwk(demo).toJson()).stream().anyMatch(DemoKeys::isDemo));
        String bare = pem("demo-keys/publicKey.pem").replaceAll("-----[A-Z ]+-----|\\s", "");
        assertTrue(DemoKeys.publicKeysIn(bare).stream().anyMatch(DemoKeys::isDemo));
        assertFalse(DemoKeys.isDemo(other));
    }
}

package shop.kefu.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * Demo mode off, and the demo public key copied to where a production key would be: the service must
 * recognise the key by its content and refuse to start, since the demo private key is public.
 */
@QuarkusMainTest
@TestProfile(DemoKeyCopyTest.DemoKeyUnderAnotherName.class)
class DemoKeyCopyTest {

    public static class DemoKeyUnderAnotherName implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path copy = Path.of("target/etc-kefu/public.pem");
            try {
                Files.createDirectories(copy.getParent());
                Files.copy(Path.of("demo-keys/publicKey.pem"), copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("kefu.demo.enabled", "false", "kefu.jwt.public-key", copy.toString());
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void theServiceRefusesToTrustACopyOfTheDemoKey(LaunchResult result) {
        String said = result.getOutput() + result.getErrorOutput();
        assertTrue(said.contains("verified with the demo key"), said);
    }
}

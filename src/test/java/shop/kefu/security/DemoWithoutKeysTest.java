package shop.kefu.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** A demo started where demo-keys/ is not (the jar copied elsewhere): it says so at start. */
@QuarkusMainTest
@TestProfile(DemoWithoutKeysTest.NoDemoKeysHere.class)
class DemoWithoutKeysTest {

    public static class NoDemoKeysHere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kefu.demo.enabled", "true", "kefu.jwt.private-key", "target/no-such-folder/privateKey.pem");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void demoModeWithoutTheDemoPrivateKeyRefusesToStart(LaunchResult result) {
        String said = result.getOutput() + result.getErrorOutput();
        assertTrue(said.contains("Demo mode signs its tokens with kefu.jwt.private-key"), said);
    }
}

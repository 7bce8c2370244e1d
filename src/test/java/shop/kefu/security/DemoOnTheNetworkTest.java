package shop.kefu.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * KEFU_DEMO_ENABLED=true left on a service that listens on every interface: it must not start, or anyone
 * who reaches it takes admin tokens (issue 15, defect 8).
 */
@QuarkusMainTest
@TestProfile(DemoOnTheNetworkTest.OnAllInterfaces.class)
class DemoOnTheNetworkTest {

    public static class OnAllInterfaces implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kefu.demo.enabled", "true", "quarkus.http.host", "0.0.0.0");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void demoModeRefusesToStartOffLoopback(LaunchResult result) {
        String said = result.getOutput() + result.getErrorOutput();
        assertTrue(said.contains("not on loopback") && said.contains("kefu.demo.allow-remote"), said);
    }
}

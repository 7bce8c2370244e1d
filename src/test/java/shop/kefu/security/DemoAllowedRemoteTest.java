package shop.kefu.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The explicit override: demo mode on every interface starts, and serves callers through a proxy. */
@QuarkusTest
@TestProfile(DemoAllowedRemoteTest.AllowedRemote.class)
class DemoAllowedRemoteTest {

    public static class AllowedRemote implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kefu.demo.enabled", "true", "kefu.demo.allow-remote", "true", "quarkus.http.host", "0.0.0.0");
        }
    }

    @Test
    void withTheOverrideDemoTokensReachTheNetwork() {
        given().contentType("application/json").header("X-Forwarded-For", "203.0.113.7")
                .body("{\"role\":\"shopper\",\"subject\":\"C1001\"}")
                .post("/api/demo/token").then().statusCode(200).body("token", notNullValue());
    }
}

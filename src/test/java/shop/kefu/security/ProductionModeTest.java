package shop.kefu.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Ws;

/** Demo mode off, real keys configured: the demo endpoint and demo-signed tokens are gone. */
@QuarkusTest
@TestProfile(ProductionModeTest.Production.class)
class ProductionModeTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kefu.demo.enabled", "false",
                    "kefu.jwt.public-key", "test-keys/publicKey.pem",
                    "kefu.jwt.private-key", "test-keys/privateKey.pem");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void theDemoTokenEndpointDoesNotExist() {
        given().contentType("application/json").body("{\"role\":\"admin\",\"subject\":\"x\"}")
                .post("/api/demo/token").then().statusCode(404);
    }

    @Test
    void tokensSignedWithTheDemoKeyAreRefusedAndRealOnesAccepted() {
        String demoSigned = Jwt.subject("C1001").upn("C1001").groups("shopper").sign("demo-keys/privateKey.pem");
        assertEquals(401, ChatClient.upgradeStatus(Ws.ws(base), "/ws/chat", demoSigned));
        String real = Jwt.subject("C1001").upn("C1001").groups("shopper").sign();
        assertEquals(-1, ChatClient.upgradeStatus(Ws.ws(base), "/ws/chat", real));
    }

    @Test
    void healthIsOpen() {
        given().get("/q/health").then().statusCode(200);
    }
}

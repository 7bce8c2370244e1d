package shop.kefu.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/** kefu.ws.query-token=true, for clients from before tickets: the token in the URL, with every token rule. */
@QuarkusTest
@TestProfile(QueryTokenTransitionTest.QueryTokenOn.class)
class QueryTokenTransitionTest {

    public static class QueryTokenOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kefu.ws.query-token", "true");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void theTokenInTheUrlIsAcceptedOnlyWhenItWouldBeInTheHeader() {
        URI ws = Ws.ws(base);
        try (ChatClient c = ChatClient.connectWithQuery(ws, "/ws/chat", "access_token=" + Tokens.shopper(Ws.uniqueCustomer("Q")))) {
            assertEquals("session", c.next().get("type").asText());
        }
        Instant now = Instant.now();
        String old = Jwt.subject("C1001").groups("shopper").issuedAt(now.minusSeconds(13 * 3600)).expiresAt(now.plusSeconds(3600)).sign();
        assertEquals(401, ChatClient.queryUpgradeStatus(ws, "/ws/chat", "access_token=" + old));
        String otherService = Jwt.subject("C1001").groups("shopper").audience("https://other-service.example").sign();
        assertEquals(401, ChatClient.queryUpgradeStatus(ws, "/ws/chat", "access_token=" + otherService));
    }
}

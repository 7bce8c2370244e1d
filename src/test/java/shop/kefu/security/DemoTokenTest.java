package shop.kefu.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import shop.kefu.support.Tokens;

@QuarkusTest
class DemoTokenTest {

    @Test
    void issuesATokenForEachRole() {
        for (String role : Roles.ALL) {
            given().contentType("application/json").body("{\"role\":\"" + role + "\",\"subject\":\"u1\"}")
                    .post("/api/demo/token").then().statusCode(200).body("token", notNullValue());
        }
    }

    @Test
    void refusesBadRequestsClearly() {
        given().contentType("application/json").body("{\"role\":\"root\",\"subject\":\"u1\"}")
                .post("/api/demo/token").then().statusCode(400);
        given().contentType("application/json").body("{\"role\":\"shopper\",\"subject\":\"a b<script>\"}")
                .post("/api/demo/token").then().statusCode(400);
        given().contentType("application/json").body("{\"role\":")
                .post("/api/demo/token").then().statusCode(400);
    }

    @Test
    void aDemoTokenIsForThisServiceAndNamesItsUserInSub() throws Exception {
        String token = Tokens.shopper("C1001");
        JsonNode claims = new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals("C1001", claims.get("sub").asText());
        assertEquals("kefu", claims.get("aud").isArray() ? claims.get("aud").get(0).asText() : claims.get("aud").asText());
        assertTrue(claims.get("iat").asLong() > 0);
    }

    @Test
    void demoTokensAreNotHandedThroughAProxy() {
        // Bound to loopback behind a reverse proxy, the demo endpoint would still reach the network.
        for (String header : new String[] { "X-Forwarded-For", "Forwarded", "X-Real-IP" }) {
            given().contentType("application/json").header(header, "203.0.113.7").body("{\"role\":\"admin\",\"subject\":\"u1\"}")
                    .post("/api/demo/token").then().statusCode(403).body("error", equalTo("demo_local_only"));
        }
    }
}

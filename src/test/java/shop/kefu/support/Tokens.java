package shop.kefu.support;

import static io.restassured.RestAssured.given;

/** Demo tokens, obtained the way a client would: from POST /api/demo/token. */
public final class Tokens {
    private Tokens() {
    }

    public static String of(String role, String subject) {
        return given().contentType("application/json")
                .body("{\"role\":\"" + role + "\",\"subject\":\"" + subject + "\"}")
                .post("/api/demo/token").then().statusCode(200).extract().path("token");
    }

    public static String shopper(String customerId) {
        return of("shopper", customerId);
    }

    public static String agent(String agentId) {
        return of("agent", agentId);
    }

    /** A single-use WebSocket ticket for the bearer of the token, from POST /api/ws-ticket. */
    public static String ticket(String token) {
        return given().auth().oauth2(token).post("/api/ws-ticket").then().statusCode(200).extract().path("ticket");
    }
}

package shop.kefu.support;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.time.Duration;

/** A conversation's stored events as staff and the shopper get them back: the agent transcript API and resume. */
public final class Transcript {
    private Transcript() {
    }

    /** GET /api/agent/conversations/{id} as a supervisor (who may open any conversation), as JSON text. */
    public static String forStaff(String conversationId) {
        return given().auth().oauth2(Tokens.of("supervisor", "S-" + conversationId)).get("/api/agent/conversations/" + conversationId)
                .then().statusCode(200).extract().asString();
    }

    /** Every frame a new connection of the shopper receives on resuming the conversation from its start. */
    public static String resumed(URI base, String customer, String conversationId) {
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(customer))) {
            c.next("session");
            c.send("{\"type\":\"resume\",\"conversationId\":\"" + conversationId + "\",\"afterSeq\":0}");
            return c.drain(Duration.ofMillis(800)).toString();
        }
    }
}

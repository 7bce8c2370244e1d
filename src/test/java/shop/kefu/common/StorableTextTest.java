package shop.kefu.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import shop.kefu.support.ChatClient;
import shop.kefu.support.Shop;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/**
 * Text carrying U+0000, which PostgreSQL cannot store (H2 can), is refused where it enters with a clear
 * {@code invalid_characters} error on either database, instead of a 500 on PostgreSQL and stored on H2.
 */
@QuarkusTest
class StorableTextTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void restPathsAndQueriesWithANulAreRefused() {
        String admin = Tokens.of("admin", "ST-ADMIN");
        given().auth().oauth2(admin).urlEncodingEnabled(false).get("/api/aftersales/AS%00").then().statusCode(400)
                .body("error", equalTo("invalid_characters"));
        given().auth().oauth2(Tokens.shopper(Ws.uniqueCustomer("ST"))).urlEncodingEnabled(false).get("/api/attachments/AT%00").then()
                .statusCode(400).body("error", equalTo("invalid_characters"));
        given().auth().oauth2(Tokens.of("agent", "ST-AGENT")).urlEncodingEnabled(false).get("/api/agent/queue?after=x%00").then()
                .statusCode(400).body("error", equalTo("invalid_characters"));
    }

    @Test
    void aJsonBodyWithANulIsRefusedAndNothingIsStored() {
        String editor = Tokens.of("editor", "ST-EDITOR");
        String id = "fresh-nul-" + System.nanoTime() % 100000;
        given().auth().oauth2(editor).contentType("application/json").body("""
                {"id":"%s","category":"fresh","title":"榴莲\\u0000怎么保存","questions":["榴莲怎么放"],
                 "answer":"冷冻。","tags":["榴莲"]}""".formatted(id)).post("/api/kb/articles").then().statusCode(400)
                .body("error", equalTo("invalid_characters")).body("message", equalTo("Field title contains the character U+0000."));
        given().auth().oauth2(editor).get("/api/kb/articles/" + id).then().statusCode(404);
    }

    @Test
    void aChatMessageWithANulIsRefusedAndTheConversationGoesOn() {
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(Ws.uniqueCustomer("ST")))) {
            c.next("reply"); // greeting
            c.message("nul-1", "草莓\u0000怎么保存");
            JsonNode error = c.next("error");
            assertEquals("invalid_characters", error.get("code").asText(), error.toString());
            assertEquals("nul-1", error.get("id").asText());
            assertTrue(c.say("草莓怎么保存").get("text").asText().contains("草莓"), "the next message is answered");
        }
    }

    @Test
    void anAgentFrameWithANulIsRefused() {
        try (ChatClient agent = ChatClient.connect(Ws.ws(base), "/ws/agent", Tokens.of("agent", "ST-AGENT-WS"))) {
            agent.next("queue");
            agent.send("{\"type\":\"message\",\"conversationId\":\"c\",\"text\":\"在的\\u0000\"}");
            assertEquals("invalid_characters", agent.next("error").get("code").asText());
        }
    }

    @Test
    void anUploadWhoseFileNameHasANulIsStored() {
        given().auth().oauth2(Tokens.shopper(Ws.uniqueCustomer("ST"))).multiPart("file", "photo\u0000.png", Shop.PNG, "image/png")
                .post("/api/attachments").then().statusCode(201);
    }
}

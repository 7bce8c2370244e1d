package shop.kefu.knowledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/** The editors' API: changes are searchable by the very next chat message. */
@QuarkusTest
class KnowledgeResourceTest {

    @TestHTTPResource("/")
    URI base;

    private static String editor() {
        return Tokens.of("editor", "E1");
    }

    private static String durian(String id, String answer) {
        return """
                {"id":"%s","category":"fresh","title":"榴莲开了以后怎么保存",
                 "questions":["榴莲肉吃不完怎么放","榴莲可以冷冻吗"],
                 "answer":"%s","tags":["榴莲","水果","保存"]}""".formatted(id, answer);
    }

    private JsonNode ask(String text) {
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(Ws.uniqueCustomer("E")))) {
            c.next("reply");
            c.message("m1", text);
            c.next("ack");
            return c.next("reply");
        }
    }

    @Test
    void createUpdateDeleteTakeEffectOnTheNextChatMessage() {
        String id = "fresh-durian-" + System.nanoTime() % 100000;
        assertNotEquals(id, ask("榴莲肉吃不完咋保存").at("/citations/0/articleId").asText());

        given().auth().oauth2(editor()).contentType("application/json").body(durian(id, "榴莲肉去壳后装盒冷冻，可保存 3 个月。"))
                .post("/api/kb/articles").then().statusCode(201).body("id", equalTo(id));
        JsonNode reply = ask("榴莲肉吃不完咋保存");
        assertEquals(id, reply.at("/citations/0/articleId").asText(), reply.toString());
        assertEquals("榴莲开了以后怎么保存", reply.at("/citations/0/title").asText());

        given().auth().oauth2(editor()).contentType("application/json").body(durian(id, "榴莲肉装进密封盒冷冻，吃前室温放 10 分钟。"))
                .put("/api/kb/articles/" + id).then().statusCode(200);
        given().auth().oauth2(editor()).get("/api/kb/articles/" + id).then().statusCode(200)
                .body("answer", equalTo("榴莲肉装进密封盒冷冻，吃前室温放 10 分钟。"));
        assertEquals(true, ask("榴莲肉吃不完咋保存").get("text").asText().contains("室温放 10 分钟"));

        given().auth().oauth2(editor()).delete("/api/kb/articles/" + id).then().statusCode(204);
        assertNotEquals(id, ask("榴莲肉吃不完咋保存").at("/citations/0/articleId").asText());
        given().auth().oauth2(editor()).get("/api/kb/articles/" + id).then().statusCode(404);
    }

    @Test
    void searchRanksHitsWithScores() {
        given().auth().oauth2(editor()).queryParam("q", "冰箱不制冷").queryParam("limit", 3).get("/api/kb/search")
                .then().statusCode(200)
                .body("hits[0].articleId", equalTo("appliance-not-cooling"))
                .body("hits.size()", equalTo(3))
                .body("confidence", greaterThan(0.75f))
                .body("wouldAnswer", equalTo(true))
                .body("readAs", equalTo("冰箱不制冷"));
        // an editor sees the question as the chat reads it: a product word typed as its homophone put back
        given().auth().oauth2(editor()).queryParam("q", "洗晚机不出水").get("/api/kb/search").then().statusCode(200)
                .body("query", equalTo("洗晚机不出水")).body("readAs", equalTo("洗碗机不出水"));
        // and without what is typed around its words
        given().auth().oauth2(editor()).queryParam("q", "亲，洗晚机不出水？😭").get("/api/kb/search").then().statusCode(200)
                .body("readAs", equalTo("洗碗机不出水"));
    }

    @Test
    void listsArticlesByCategory() {
        given().auth().oauth2(editor()).queryParam("category", "furniture").get("/api/kb/articles").then().statusCode(200)
                .body("category", not(hasItem("fresh")))
                .body("id", hasItem("furniture-custom"));
    }

    @Test
    void badInputAndWrongRolesAreRefused() {
        given().auth().oauth2(editor()).contentType("application/json")
                .body("{\"id\":\"Bad Id\",\"category\":\"toys\",\"title\":\"\",\"answer\":\"\"}")
                .post("/api/kb/articles").then().statusCode(400).body("error", equalTo("invalid_article"));
        given().auth().oauth2(editor()).contentType("application/json").body("{broken")
                .post("/api/kb/articles").then().statusCode(400);
        given().auth().oauth2(editor()).contentType("application/json").body(durian("fresh-strawberry-storage", "x"))
                .post("/api/kb/articles").then().statusCode(409);
        given().auth().oauth2(editor()).contentType("application/json").body(durian("other-id", "x"))
                .put("/api/kb/articles/fresh-strawberry-storage").then().statusCode(400);
        given().auth().oauth2(editor()).get("/api/kb/search").then().statusCode(400);
        given().auth().oauth2(editor()).queryParam("q", "草莓").queryParam("limit", 500).get("/api/kb/search").then().statusCode(400);
        given().get("/api/kb/articles").then().statusCode(401);
        given().auth().oauth2(Tokens.shopper("C1")).get("/api/kb/articles").then().statusCode(403);
        given().auth().oauth2(Tokens.shopper("C1")).contentType("application/json").body(durian("x-1", "x"))
                .post("/api/kb/articles").then().statusCode(403);
    }
}

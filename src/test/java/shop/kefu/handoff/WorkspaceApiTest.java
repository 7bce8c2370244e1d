package shop.kefu.handoff;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import shop.kefu.support.ChatClient;
import shop.kefu.support.Shop;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/**
 * What the agent workspace reads beside a conversation (issue 19): the conversations an agent holds, the
 * agents online, a supervisor's view, the shopper's context with the policy's windows, the bot's
 * understanding in the summary, and the policy's decision before an agent submits.
 */
@QuarkusTest
class WorkspaceApiTest {

    @TestHTTPResource("/")
    URI base;

    private static String agentToken(String id, String role) {
        return given().contentType("application/json").body("{\"role\":\"" + role + "\",\"subject\":\"" + id + "\",\"name\":\"客服" + id + "\"}")
                .post("/api/demo/token").then().statusCode(200).extract().path("token");
    }

    private ChatClient shopper(String me) {
        ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(me));
        c.next("reply");
        return c;
    }

    /** The shopper complains, then asks for a human; returns the conversation. */
    private static String complainsThenAsksForAHuman(ChatClient c, String complaint) {
        c.say(complaint);
        c.message("m" + System.nanoTime(), "转人工");
        String conversation = c.next("ack").get("conversationId").asText();
        c.next("handoff");
        return conversation;
    }

    @Test
    void anAgentHoldsTwoConversationsAndSeesWhatTheBotUnderstood() {
        String me = Ws.uniqueCustomer("W");
        String other = Ws.uniqueCustomer("W");
        String agentId = "AW-" + me;
        String agent = agentToken(agentId, "agent");
        Shop.order("O-" + me, me, "fresh", OffsetDateTime.now().minusHours(20), Shop.item("STRAW", "丹东草莓 500g", 2, "19.90", false));
        Shop.order("P-" + other, other, "appliance", OffsetDateTime.now().minusDays(200),
                Shop.item("WASHER", "滚筒洗衣机", 1, "2499.00", false));
        try (ChatClient a = shopper(me); ChatClient b = shopper(other)) {
            a.say("你好");
            String first = complainsThenAsksForAHuman(a, "昨天买的草莓烂了一半");
            String second = complainsThenAsksForAHuman(b, "洗衣机坏了我要换货");
            for (String id : List.of(first, second)) {
                given().auth().oauth2(agent).post("/api/agent/conversations/" + id + "/claim").then().statusCode(200);
            }

            JsonPath mine = given().auth().oauth2(agent).get("/api/agent/mine").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(first, second), mine.getList("conversationId"), "both held, found again after a reload");
            assertEquals("昨天买的草莓烂了一半", mine.getString("[0].summary.wants"), "the complaint, not the greeting or 转人工");
            assertEquals("O-" + me, mine.getString("[0].summary.understood.orderId"));
            assertEquals("refund", mine.getString("[0].summary.understood.kind"));
            assertEquals("spoiled", mine.getString("[0].summary.understood.reason"));
            assertTrue(mine.getString("[1].summary.decisions").contains("未通过"), "the bot's refusal is listed: " + mine.get("[1].summary"));

            try (ChatClient workspace = ChatClient.connect(Ws.ws(base), "/ws/agent", agent)) { // open: present whatever the grace
                workspace.next("queue");
                JsonPath agents = given().auth().oauth2(agent).get("/api/agent/agents").then().statusCode(200).extract().jsonPath();
                assertEquals(2, agents.getInt("find { it.agentId == '" + agentId + "' }.holding"));
                assertEquals("客服" + agentId, agents.getString("find { it.agentId == '" + agentId + "' }.name"));
            }

            given().auth().oauth2(agent).get("/api/agent/held").then().statusCode(403);
            JsonPath all = given().auth().oauth2(agentToken("SW-" + me, "supervisor")).get("/api/agent/held").then().statusCode(200)
                    .extract().jsonPath();
            assertTrue(all.getList("conversationId").containsAll(List.of(first, second)));
        }
    }

    @Test
    void theContextShowsOrdersWithTheirWindowsAndThePreviewCreatesNothing() {
        String me = Ws.uniqueCustomer("W");
        String agent = agentToken("AX-" + me, "agent");
        OffsetDateTime delivered = OffsetDateTime.now().minusHours(20);
        Shop.order("O-" + me, me, "fresh", delivered, Shop.item("STRAW", "丹东草莓 500g", 2, "19.90", false));
        try (ChatClient c = shopper(me)) {
            String conversation = complainsThenAsksForAHuman(c, "草莓坏了");
            given().auth().oauth2(agent).post("/api/agent/conversations/" + conversation + "/claim").then().statusCode(200);

            JsonPath context = given().auth().oauth2(agent).get("/api/agent/conversations/" + conversation + "/context").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(39.80f, context.getFloat("orders[0].total"), 0.001);
            assertEquals("fresh.claim-window-hours", context.getString("orders[0].windows[0].rule"));
            assertTrue(context.getBoolean("orders[0].windows[0].open"));
            // the engine counts whole minutes: the last second it grants is 59 s into the minute after 48 h
            long off = Duration.between(delivered.plusHours(48).plusSeconds(59), OffsetDateTime.parse(context.getString("orders[0].windows[0].until")))
                    .abs().toMillis();
            assertTrue(off < 1000, "until = delivered + 48 h 59 s: " + context.getString("orders[0].windows[0].until"));

            String claim = "{\"orderId\":\"O-" + me + "\",\"sku\":\"STRAW\",\"kind\":\"REFUND\",\"reason\":\"SPOILED\",\"share\":0.5}";
            JsonPath preview = given().auth().oauth2(agent).contentType("application/json").body(claim)
                    .post("/api/agent/conversations/" + conversation + "/aftersales/preview").then().statusCode(200).extract().jsonPath();
            assertEquals("needs_evidence", preview.getString("outcome"), "a fresh claim without a photo");
            assertEquals("fresh.evidence-required", preview.getString("rule"));
            assertTrue(given().auth().oauth2(agent).get("/api/agent/conversations/" + conversation + "/context").then().extract().jsonPath()
                    .getList("cases").isEmpty(), "a preview creates nothing");

            given().auth().oauth2(agentToken("AY-" + me, "agent")).contentType("application/json").body(claim)
                    .post("/api/agent/conversations/" + conversation + "/aftersales/preview").then().statusCode(409);
            assertFalse(context.getList("earlier").contains(conversation));
        }
    }
}

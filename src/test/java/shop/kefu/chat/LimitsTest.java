package shop.kefu.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import shop.kefu.aftersales.AfterSalesTools;
import shop.kefu.aftersales.Claim;
import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Shop;
import shop.kefu.support.TestDatabase;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/**
 * What one shopper can make the service do (issue 15, defect 4): connections, REST requests, events per
 * conversation, events per resume, list pages, the order-number scan of summaries and queue pushes are
 * all bounded. Small limits here, so that reaching them takes a few requests.
 */
@QuarkusTest
@TestProfile(LimitsTest.Tight.class)
class LimitsTest {

    static final int REST_BURST = 8;
    static final int MAX_EVENTS = 30;
    static final int RESUME_PAGE = 5;

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a queue of its own: the paging assertions count conversations
            return TestDatabase.own("limits", Map.of("kefu.rest.rate-burst", Integer.toString(REST_BURST), "kefu.rest.rate-per-second", "0.5",
                    "kefu.chat.max-events", Integer.toString(MAX_EVENTS), "kefu.chat.resume-max-events", Integer.toString(RESUME_PAGE)));
        }
    }

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>;\\s*rel=\"next\"");

    @TestHTTPResource("/")
    URI base;
    @Inject
    AfterSalesTools tools;

    private ChatClient shopper(String token) {
        ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", token);
        c.next("session");
        return c;
    }

    private static String handedOff(ChatClient c) {
        c.message("m" + System.nanoTime(), "转人工");
        String conversation = c.next("ack").get("conversationId").asText();
        c.next("handoff");
        return conversation;
    }

    /** The address of the next page from the Link header, or null on the last page. */
    private static String next(ExtractableResponse<Response> page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        assertTrue(m.find(), "a rel=next link: " + link);
        return m.group(1);
    }

    @Test
    void aSixthConnectionOfOneShopperIsRefusedWithAReason() {
        String token = Tokens.shopper(Ws.uniqueCustomer("CONN"));
        List<ChatClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(shopper(token)); // the mini-program may open five
            }
            try (ChatClient sixth = ChatClient.connect(Ws.ws(base), "/ws/chat", token)) {
                JsonNode refused = sixth.next();
                assertEquals("too_many_connections", refused.path("code").asText(), "said why: " + refused);
                assertEquals(1008, sixth.closeCode(), "closed as a policy violation");
            }
            open.remove(0).close();
            long deadline = System.nanoTime() + ChatClient.WAIT.toNanos();
            boolean admitted = false;
            while (!admitted && System.nanoTime() < deadline) { // the server sees the close a moment later
                try (ChatClient again = ChatClient.connect(Ws.ws(base), "/ws/chat", token)) {
                    admitted = "session".equals(again.next().path("type").asText());
                }
            }
            assertTrue(admitted, "one closed, one more may open");
        } finally {
            open.forEach(ChatClient::close);
        }
    }

    @Test
    void aRestBurstOfOneUserIsAnswered429WithRetryAfterAndOthersGoOn() {
        String token = Tokens.shopper(Ws.uniqueCustomer("BURST"));
        for (int i = 0; i < REST_BURST; i++) {
            given().auth().oauth2(token).get("/api/me/orders").then().statusCode(200);
        }
        ExtractableResponse<Response> refused = given().auth().oauth2(token).get("/api/me/orders").then().statusCode(429)
                .body("error", equalTo("rate_limited")).extract();
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, "Retry-After in seconds");
        given().auth().oauth2(Tokens.shopper(Ws.uniqueCustomer("CALM"))).get("/api/me/orders").then().statusCode(200);
    }

    @Test
    void aConversationThatReachesTheEventCapClosesWithANoticeAndTheNextMessageStartsAnew() {
        String me = Ws.uniqueCustomer("FULL");
        try (ChatClient c = shopper(Tokens.shopper(me))) {
            c.next("reply"); // the greeting
            String first = null;
            JsonNode notice = null;
            for (int i = 0; i < MAX_EVENTS && notice == null; i++) {
                c.message("m" + i, "草莓怎么保存");
                JsonNode ack = c.next("ack");
                first = ack.get("conversationId").asText();
                JsonNode reply = c.next("reply");
                if ("system".equals(reply.path("from").asText())) {
                    notice = reply;
                }
            }
            assertNotNull(notice, "the conversation was closed before growing past " + MAX_EVENTS + " events: " + c.received);
            assertTrue(notice.path("text").asText().contains("新的会话"), notice.toString());
            assertTrue(notice.path("seq").asLong() <= MAX_EVENTS, "the notice is within the cap: " + notice);

            c.message("after", "草莓怎么保存");
            assertNotEquals(first, c.next("ack").get("conversationId").asText(), "a new conversation");
            assertEquals("bot", c.next("reply").path("from").asText(), "answered there");
        }
    }

    @Test
    void aResumeSendsAtMostAPageAndSaysWhereToGoOn() {
        String token = Tokens.shopper(Ws.uniqueCustomer("RES"));
        String conversation;
        long last;
        try (ChatClient c = shopper(token)) {
            c.next("reply");
            for (int i = 0; i < 6; i++) {
                c.say("草莓怎么保存");
            }
            conversation = c.received.stream().filter(f -> "ack".equals(f.path("type").asText())).findFirst().orElseThrow()
                    .get("conversationId").asText();
            last = c.received.stream().mapToLong(f -> f.path("seq").asLong()).max().orElseThrow();
        }
        assertTrue(last > 2 * RESUME_PAGE, "enough events for three pages: " + last);
        try (ChatClient c = shopper(token)) {
            long after = 0;
            int pages = 0;
            while (after < last) {
                c.send("{\"type\":\"resume\",\"conversationId\":\"" + conversation + "\",\"afterSeq\":" + after + "}");
                pages++;
                for (int i = 0; i < RESUME_PAGE && after < last; i++) {
                    assertEquals(++after, c.next().path("seq").asLong(), "in order, none missing: " + c.received);
                }
                if (after < last) {
                    JsonNode more = c.next();
                    assertEquals("more", more.path("type").asText(), "a full page, then where to go on: " + c.received);
                    assertEquals(after, more.path("afterSeq").asLong());
                    assertEquals(last, more.path("lastSeq").asLong());
                }
            }
            assertNull(c.poll(Duration.ofMillis(300)), "nothing after the last page");
            assertEquals((last + RESUME_PAGE - 1) / RESUME_PAGE, pages);
        }
    }

    @Test
    void aLongRunOfLettersIsNoOrderNumberAndTheRealOneIsInTheSummary() {
        String me = Ws.uniqueCustomer("RUN");
        try (ChatClient c = shopper(Tokens.shopper(me))) {
            c.next("reply");
            String conversation = handedOff(c); // waiting: the bot stays silent, whatever the shopper writes
            // the longest message a shopper may send: a run of letters that the old pattern scanned from every letter
            c.message("run", "a".repeat(1999) + "1");
            c.next("ack");
            c.message("order", "订单D1001-7的草莓坏了");
            c.next("ack");
            given().auth().oauth2(Tokens.of("admin", "ADM-RUN")).get("/api/agent/conversations/" + conversation).then().statusCode(200)
                    .body("summary.orders", equalTo(List.of("D1001-7"))).body("summary.shopperMessages", equalTo(3))
                    .body("summary.wants", equalTo("订单D1001-7的草莓坏了")).body("summary.lastMessage", equalTo("订单D1001-7的草莓坏了"));
        }
    }

    @Test
    void listsAnswerOnePageAndLinkTheNext() {
        String editor = Tokens.of("editor", "ED-PAGES");
        ExtractableResponse<Response> first = given().auth().oauth2(editor).queryParam("limit", 10).get("/api/kb/articles").then()
                .statusCode(200).extract();
        List<String> ids = first.jsonPath().getList("id", String.class);
        assertEquals(10, ids.size());
        ExtractableResponse<Response> second = given().auth().oauth2(editor).get(URI.create(next(first))).then().statusCode(200).extract();
        List<String> more = second.jsonPath().getList("id", String.class);
        assertEquals(10, more.size());
        assertTrue(more.get(0).compareTo(ids.get(9)) > 0, "the next page continues after the last id: " + ids + " " + more);
        given().auth().oauth2(editor).queryParam("limit", 201).get("/api/kb/articles").then().statusCode(400)
                .body("error", equalTo("invalid_limit"));

        String me = Ws.uniqueCustomer("AS");
        for (String order : List.of("P1", "P2", "P3")) {
            Shop.order(order + "-" + me, me, "fresh", OffsetDateTime.now().minusHours(3), Shop.item("STRAW", "丹东草莓 500g", 1, "19.90", false));
            tools.createAfterSales(me, new Claim(order + "-" + me, "STRAW", ClaimKind.REFUND, ClaimReason.SPOILED, 1, List.of(Shop.photo(me)),
                    false), null).orElseThrow();
        }
        String shopper = Tokens.shopper(me);
        ExtractableResponse<Response> mine = given().auth().oauth2(shopper).queryParam("limit", 2).get("/api/me/aftersales").then()
                .statusCode(200).extract();
        assertEquals(2, mine.jsonPath().getList("id").size());
        ExtractableResponse<Response> rest = given().auth().oauth2(shopper).get(URI.create(next(mine))).then().statusCode(200).extract();
        assertEquals(1, rest.jsonPath().getList("id").size());
        assertNull(next(rest), "the last page links nothing");
        List<String> all = new ArrayList<>(mine.jsonPath().getList("orderId", String.class));
        all.addAll(rest.jsonPath().getList("orderId", String.class));
        assertEquals(List.of("P3-" + me, "P2-" + me, "P1-" + me), all, "newest first, each once");

        String agent = Tokens.agent("A-PAGES");
        ExtractableResponse<Response> cases = given().auth().oauth2(agent).queryParam("limit", 2).get("/api/aftersales").then().statusCode(200)
                .extract();
        assertEquals(2, cases.jsonPath().getList("id").size());
        assertNotNull(next(cases));

        try (ChatClient a = shopper(Tokens.shopper(Ws.uniqueCustomer("Q"))); ChatClient b = shopper(Tokens.shopper(Ws.uniqueCustomer("Q")))) {
            String one = handedOff(a);
            String two = handedOff(b);
            List<String> queued = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            String walker = Tokens.agent("A-QUEUE"); // a page per request: a user of its own for the rate limit
            ExtractableResponse<Response> page = given().auth().oauth2(walker).queryParam("limit", 1).get("/api/agent/queue").then()
                    .statusCode(200).extract();
            while (true) {
                assertEquals(1, page.jsonPath().getList("conversationId").size(), "one per page");
                queued.addAll(page.jsonPath().getList("conversationId", String.class));
                positions.addAll(page.jsonPath().getList("queuePosition", Integer.class));
                if (next(page) == null) {
                    break;
                }
                page = given().auth().oauth2(walker).get(URI.create(next(page))).then().statusCode(200).extract();
            }
            assertTrue(queued.indexOf(one) >= 0 && queued.indexOf(one) < queued.indexOf(two), "in queue order across pages: " + queued);
            for (int i = 0; i < positions.size(); i++) {
                assertEquals(i + 1, positions.get(i), "positions count on across pages: " + positions);
            }

            ExtractableResponse<Response> transcript = given().auth().oauth2(agent).queryParam("limit", 2)
                    .get("/api/agent/conversations/" + one).then().statusCode(200).extract();
            assertEquals(List.of(1, 2), transcript.jsonPath().getList("events.seq", Integer.class));
            assertEquals(3, given().auth().oauth2(agent).get(URI.create(next(transcript))).then().statusCode(200).extract().jsonPath()
                    .getList("events.seq", Integer.class).get(0), "the next page goes on after seq 2");
        }
    }

    @Test
    void messagesOfAWaitingShopperReachAgentsAsFewQueuePushesShowingTheLast() {
        try (ChatClient agent = ChatClient.connect(Ws.ws(base), "/ws/agent", Tokens.agent("A-PUSH"));
                ChatClient c = shopper(Tokens.shopper(Ws.uniqueCustomer("PUSH")))) {
            agent.next("queue");
            c.next("reply");
            String conversation = handedOff(c);
            agent.drain(Duration.ofSeconds(1));
            for (int i = 0; i < 10; i++) {
                c.message("wait-" + i, "还要等多久 " + i);
                c.next("ack");
            }
            List<JsonNode> queues = agent.drain(Duration.ofSeconds(2)).stream().filter(f -> "queue".equals(f.path("type").asText())).toList();
            assertFalse(queues.isEmpty(), "the queue was pushed");
            assertTrue(queues.size() <= 3, "ten messages, " + queues.size() + " queue pushes");
            JsonNode item = null;
            for (JsonNode i : queues.get(queues.size() - 1).path("items")) {
                if (conversation.equals(i.path("conversationId").asText())) {
                    item = i;
                }
            }
            assertNotNull(item, "the conversation is in the last push");
            assertEquals("还要等多久 9", item.path("summary").path("lastMessage").asText(), "the last push shows the last message");
        }
    }
}

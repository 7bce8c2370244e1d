package shop.kefu.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import shop.kefu.support.ChatClient;
import shop.kefu.support.Scrape;
import shop.kefu.support.Shop;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/**
 * /q/metrics as an operator reads it: turns of different paths, a handoff through an agent's resolution
 * and the shopper's rating, an after-sales request, each over the real WebSocket and REST API, move the
 * series docs/operations.md describes, with the right tags and nothing that names a shopper; and every
 * series the Grafana dashboard queries is served.
 */
@QuarkusTest
class MetricsTest {

    private static final Path DASHBOARD = Path.of("ops/grafana/kefu.json");
    private static final String[] PATHS = { "small_talk", "faq", "clarify", "status" };

    @TestHTTPResource("/")
    URI base;

    private ChatClient shopper(String me) {
        ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(me));
        c.next("reply");
        return c;
    }

    @Test
    void botTurnsAreCountedByPathWithTheirLatencyAndConfidence() {
        String me = Ws.uniqueCustomer("MT");
        Scrape before = Scrape.now();
        try (ChatClient c = shopper(me)) {
            assertTrue(c.say("你好").get("quickReplies").size() > 0, "small talk");
            assertFalse(c.say("草莓怎么保存").get("citations").isEmpty(), "an answer from an article");
            assertTrue(c.say("那个东西怎么弄").get("text").asText().startsWith("我不太确定您想问的是哪一个"), "a clarifying question");
            assertTrue(c.say("我的订单到哪了").get("text").asText().contains("订单"), "the shopper's orders");
        }
        Scrape after = Scrape.await("every turn's latency", s -> Stream.of(PATHS)
                .allMatch(path -> delta(before, s, "kefu_turn_seconds_count", "path", path) >= 1));
        for (String path : PATHS) {
            assertEquals(1, delta(before, after, "kefu_turn_seconds_count", "path", path), path + " turns");
            assertEquals(1, delta(before, after, "kefu_turn_seconds_bucket", "path", path, "le", "+Inf"), path + " latency histogram");
            assertEquals(1, delta(before, after, "kefu_turn_confidence_percent_count", "path", path), path + " confidence");
        }
        assertTrue(delta(before, after, "kefu_turn_seconds_sum", "path", "faq") > 0, "the time the shopper waited is recorded");
        assertEquals(0, delta(before, after, "kefu_turn_seconds_count", "path", "other"), "every reply says which path answered");
        // the confidence histogram (percent) has a boundary at the answer threshold (60): the clarified turn is below it, the answer above
        assertEquals(1, delta(before, after, "kefu_turn_confidence_percent_bucket", "path", "clarify", "le", "60.0"));
        assertEquals(0, delta(before, after, "kefu_turn_confidence_percent_bucket", "path", "faq", "le", "60.0"));
        assertEquals(1, delta(before, after, "kefu_turn_confidence_percent_bucket", "path", "faq", "le", "100.0"));
    }

    @Test
    void aHandoffTheQueueTheAgentsServiceTimesAndTheRatingAreMeasured() {
        String me = Ws.uniqueCustomer("MT");
        String agentId = "A-" + me;
        String agent = Tokens.agent(agentId);
        Scrape before = Scrape.now();
        try (ChatClient c = shopper(me)) {
            c.message("m" + System.nanoTime(), "转人工");
            String conversation = c.next("ack").get("conversationId").asText();
            c.next("handoff");
            Scrape waiting = Scrape.await("the queue metrics with the waiting conversation",
                    s -> s.value("kefu_queue_length") >= 1 && s.value("kefu_queue_oldest_wait_seconds") > 0);
            assertEquals(1, delta(before, waiting, "kefu_handoffs_total", "reason", "requested"));
            assertEquals(1, delta(before, waiting, "kefu_turn_seconds_count", "path", "handoff"));
            assertTrue(waiting.value("kefu_connections", "channel", "shopper") >= 1, "the shopper's connection is counted");

            try (ChatClient console = ChatClient.connect(Ws.ws(base), "/ws/agent", agent)) {
                console.next("queue");
                assertTrue(Scrape.now().value("kefu_connections", "channel", "agent") >= 1, "the agent's connection is counted");
                given().auth().oauth2(agent).post("/api/agent/conversations/" + conversation + "/claim").then().statusCode(200);
                given().auth().oauth2(agent).contentType("application/json").body("{\"text\":\"您好，我来处理\"}")
                        .post("/api/agent/conversations/" + conversation + "/messages").then().statusCode(202);
                given().auth().oauth2(agent).contentType("application/json").body("{\"text\":\"已经为您处理好了\"}")
                        .post("/api/agent/conversations/" + conversation + "/messages").then().statusCode(202);
                given().auth().oauth2(agent).post("/api/agent/conversations/" + conversation + "/resolve").then().statusCode(200);
            }
            c.next(f -> f.path("text").asText().contains("打个分"));
            c.send("{\"type\":\"rate\",\"score\":5}");
            c.next("rating");
            c.next("reply");
            Scrape after = Scrape.await("the rating", s -> delta(before, s, "kefu_ratings_count", "served_by", "agent") >= 1);
            assertEquals(1, delta(before, after, "kefu_handoff_first_response_seconds_count", "sla", "met"), "one first response");
            assertEquals(1, delta(before, after, "kefu_handoff_first_response_seconds_bucket", "sla", "met", "le", "600.0"),
                    "a bucket ends at the 10-minute promise");
            assertEquals(0, delta(before, after, "kefu_handoff_first_response_seconds_count", "sla", "missed"));
            assertEquals(1, delta(before, after, "kefu_handoff_resolution_seconds_count", "sla", "met"));
            assertEquals(1, delta(before, after, "kefu_handoff_resolution_seconds_bucket", "sla", "met", "le", "86400.0"),
                    "a bucket ends at the 24-hour promise");
            assertEquals(1, delta(before, after, "kefu_ratings_count", "served_by", "agent"));
            assertEquals(5, delta(before, after, "kefu_ratings_sum", "served_by", "agent"), 1e-9);
            assertEquals(0, delta(before, after, "kefu_ratings_bucket", "served_by", "agent", "le", "4.0"), "rated 5: above the 4 bucket");
            assertEquals(0, delta(before, after, "kefu_handoffs_total", "reason", "agent_claimed"), "claimed from the queue, not the bot");
            assertNoIdentifiers(after, me, agentId, conversation);
        }
    }

    @Test
    void anAfterSalesRequestIsCountedByKindCategoryOutcomeAndWhoSubmittedIt() {
        Scrape before = Scrape.now();
        String me = refundedStrawberries();
        Scrape after = Scrape.await("both after-sales turns' latency",
                s -> delta(before, s, "kefu_turn_seconds_count", "path", "aftersales") >= 2);
        assertEquals(1, delta(before, after, "kefu_aftersales_requests_total", "kind", "refund", "category", "fresh", "outcome",
                "approved", "by", "bot"));
        assertEquals(2, delta(before, after, "kefu_turn_seconds_count", "path", "aftersales"), "the proposal and the confirmation");
        assertEquals(0, delta(before, after, "kefu_turn_seconds_count", "path", "other"), "every reply says which path answered");
        assertNoIdentifiers(after, me, "O-" + me);
    }

    @Test
    void everySeriesTheDashboardQueriesIsServed() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\bkefu_[a-z0-9_]+").matcher(dashboard.toString());
        while (m.find()) {
            used.add(m.group());
        }
        assertTrue(used.size() > 10, "the dashboard queries the service's metrics: " + used);
        refundedStrawberries(); // the one series registered on first use, with the tags of that use
        Set<String> served = Scrape.now().names();
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(served);
        assertTrue(missing.isEmpty(), "the dashboard queries series /q/metrics does not serve: " + missing);
    }

    /** A fresh-goods refund the bot grants at once; returns the shopper. */
    private String refundedStrawberries() {
        String me = Ws.uniqueCustomer("MT");
        Shop.order("O-" + me, me, "fresh", OffsetDateTime.now().minusHours(20), Shop.item("STRAW", "丹东草莓 500g", 2, "19.90", false));
        String photo = Shop.photo(me);
        try (ChatClient c = shopper(me)) {
            assertTrue(c.say("昨天买的草莓烂了一半", photo).get("quickReplies").toString().contains("确认提交"));
            assertEquals("aftersales_created", c.say("确认提交").at("/actions/0/type").asText());
        }
        return me;
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    /** Tags are fixed sets: no shopper, agent, order or conversation may become a series of its own. */
    private static void assertNoIdentifiers(Scrape s, String... ids) {
        for (String id : ids) {
            assertFalse(s.text.contains(id), id + " appears in /q/metrics");
        }
    }
}

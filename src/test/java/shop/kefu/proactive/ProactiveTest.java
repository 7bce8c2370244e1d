package shop.kefu.proactive;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

import shop.kefu.support.ChatClient;
import shop.kefu.support.Shop;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/** Issue 17 over the real APIs: the order system's events, the shopper's chat, the agent's view and the queue. */
@QuarkusTest
class ProactiveTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TestHTTPResource("/")
    URI base;
    @Inject
    FollowUps followUps;
    @Inject
    EventPoller poller;

    private static String oms() {
        return Tokens.of("order_system", "OMS");
    }

    private ChatClient connect(String customer) {
        ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(customer));
        c.next("session");
        return c;
    }

    private static ValidatableResponse post(String body) {
        return given().auth().oauth2(oms()).contentType("application/json").body(body).post("/api/events").then();
    }

    private static String delay(String eventId, String order, String customer, int hoursLate) {
        OffsetDateTime promised = OffsetDateTime.now().plusHours(2);
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"delivery_delayed\",\"orderId\":\"" + order + "\",\"customerId\":\"" + customer
                + "\",\"promisedBy\":\"" + promised + "\",\"newWindow\":{\"from\":\"" + promised.plusHours(hoursLate - 2) + "\",\"to\":\""
                + promised.plusHours(hoursLate) + "\"},\"cause\":\"暴雪封路\"}";
    }

    private static void undeliveredOrder(String order, String customer, String category) {
        given().auth().oauth2(Tokens.of("admin", "ADM")).contentType("application/json")
                .body("{\"orderId\":\"" + order + "\",\"customerId\":\"" + customer + "\",\"category\":\"" + category + "\",\"items\":["
                        + Shop.item("F-STRAW", "丹东99草莓 500g", 2, "19.90", false) + "],\"status\":\"shipped\"}")
                .post("/api/admin/orders").then().statusCode(201);
    }

    private static JsonNode reply(ChatClient c) {
        return c.next("reply");
    }

    @Test
    void aDelayReachesAConnectedShopperAtOnceWithTheCompensationThePolicyDecides() {
        String me = Ws.uniqueCustomer("PD");
        undeliveredOrder("PD-" + me, me, "fresh");
        try (ChatClient chat = connect(me)) {
            reply(chat); // greeting
            JsonPath sent = post(delay("ev-d-" + me, "PD-" + me, me, 14)).statusCode(202)
                    .body("outcome", equalTo("sent")).body("duplicate", equalTo(false)).extract().jsonPath();
            JsonNode r = chat.next(n -> "reply".equals(n.path("type").asText()));
            assertEquals(sent.getLong("seq"), r.get("seq").asLong());
            assertTrue(r.get("text").asText().contains("暴雪封路"), r.toString());
            assertTrue(r.get("text").asText().contains("¥10.00 优惠券"), "the fresh coupon of the policy file: " + r);
            assertEquals("delay.coupon-hours", r.at("/decision/rule").asText());
            assertEquals(List.of("继续等待", "取消订单"), List.of(r.at("/quickReplies/0").asText(), r.at("/quickReplies/1").asText()));

            // the same event again: one message
            post(delay("ev-d-" + me, "PD-" + me, me, 14)).statusCode(200).body("duplicate", equalTo(true))
                    .body("seq", equalTo(sent.getInt("seq")));
            assertTrue(chat.drain(Duration.ofMillis(800)).stream().noneMatch(n -> "reply".equals(n.path("type").asText())));

            // the agent's view of the shopper: the case with its rule, and the message in the transcript
            String admin = Tokens.of("admin", "ADM");
            String conversation = sent.getString("conversationId");
            given().auth().oauth2(admin).get("/api/agent/conversations/" + conversation + "/compensations").then().statusCode(200)
                    .body("size()", equalTo(1)).body("[0].kind", equalTo("coupon")).body("[0].amount", equalTo(10.0f))
                    .body("[0].rule", equalTo("delay.coupon-hours")).body("[0].status", equalTo("offered"))
                    .body("[0].orderId", equalTo("PD-" + me));
            given().auth().oauth2(admin).get("/api/agent/conversations/" + conversation).then().statusCode(200)
                    .body(containsString("delay.coupon-hours"));

            // "继续等待" grants it
            JsonNode waiting = chat.say("继续等待");
            assertTrue(waiting.get("text").asText().contains("¥10.00 优惠券已发放"), waiting.toString());
            given().auth().oauth2(admin).get("/api/agent/conversations/" + conversation + "/compensations").then()
                    .body("[0].status", equalTo("granted"));
        }
    }

    @Test
    void theSameEventSentTwiceAtOnceGivesOneMessage() throws Exception {
        String me = Ws.uniqueCustomer("PT");
        undeliveredOrder("PT-" + me, me, "fresh");
        String body = "{\"eventId\":\"ev-t-" + me + "\",\"type\":\"delivered\",\"orderId\":\"PT-" + me + "\",\"customerId\":\"" + me + "\"}";
        String token = oms();
        try (ChatClient chat = connect(me)) {
            reply(chat);
            List<java.util.concurrent.CompletableFuture<Integer>> twins = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                twins.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).contentType("application/json")
                        .body(body).post("/api/events").then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var t : twins) {
                statuses.add(t.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(c -> c == 202).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(c -> c == 200).count(), statuses.toString());
            reply(chat);
            assertTrue(chat.drain(Duration.ofMillis(800)).stream().noneMatch(n -> "reply".equals(n.path("type").asText())), "one message");
        }
    }

    @Test
    void aShorterDelayGetsTheFreeShippingRuleAndCancellingCancelsTheOrder() {
        String me = Ws.uniqueCustomer("PC");
        undeliveredOrder("PC-" + me, me, "fresh");
        try (ChatClient chat = connect(me)) {
            reply(chat);
            post(delay("ev-c-" + me, "PC-" + me, me, 3)).statusCode(202);
            JsonNode r = reply(chat);
            assertEquals("delay.free-shipping-hours", r.at("/decision/rule").asText());
            assertTrue(r.get("text").asText().contains("免运费券"), r.toString());
            JsonNode cancelled = chat.say("取消订单");
            assertTrue(cancelled.get("text").asText().contains("已为您取消"), cancelled.toString());
        }
        given().auth().oauth2(Tokens.shopper(me)).get("/api/me/orders").then().statusCode(200).body("[0].status", equalTo("cancelled"));
    }

    @Test
    void aDisconnectedShopperGetsTheDelayOnResume() {
        String me = Ws.uniqueCustomer("PR");
        undeliveredOrder("PR-" + me, me, "appliance");
        long seen;
        String conversation;
        try (ChatClient chat = connect(me)) {
            reply(chat);
            seen = chat.say("你好").get("seq").asLong(); // a shopper who has chatted: a new connection resumes from what it saw
        }
        JsonPath sent = post(delay("ev-r-" + me, "PR-" + me, me, 30)).statusCode(202).body("outcome", equalTo("sent")).extract().jsonPath();
        conversation = sent.getString("conversationId");
        try (ChatClient chat = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(me))) {
            JsonNode session = chat.next("session");
            assertEquals(conversation, session.get("conversationId").asText());
            chat.send("{\"type\":\"resume\",\"conversationId\":\"" + conversation + "\",\"afterSeq\":" + seen + "}");
            JsonNode r = reply(chat);
            assertEquals(sent.getLong("seq"), r.get("seq").asLong());
            assertTrue(r.get("text").asText().contains("¥30.00 优惠券"), "the appliance coupon: " + r);
        }
    }

    @Test
    void aShopperWhoNeverChattedSeesTheMessageWhenTheyFirstConnect() {
        String me = Ws.uniqueCustomer("PN");
        undeliveredOrder("PN-" + me, me, "furniture");
        post(delay("ev-n-" + me, "PN-" + me, me, 20)).statusCode(202).body("outcome", equalTo("sent")).body("seq", equalTo(2));
        try (ChatClient chat = connect(me)) {
            assertEquals(1, reply(chat).get("seq").asInt(), "the greeting of the conversation the event opened");
            JsonNode r = reply(chat);
            assertTrue(r.get("text").asText().contains("¥50.00 优惠券"), "the furniture coupon: " + r);
        }
    }

    @Test
    void aResolvedConversationIsFollowedUpAndAGoodRatingIsKeptAsItsRating() {
        String me = Ws.uniqueCustomer("PG");
        String agent = Tokens.agent("A-PG-" + me);
        String before = metrics();
        String resolved;
        try (ChatClient chat = connect(me)) {
            reply(chat);
            chat.message("m-human", "转人工");
            resolved = chat.next("ack").get("conversationId").asText();
            chat.next("handoff");
            given().auth().oauth2(agent).post("/api/agent/conversations/" + resolved + "/claim").then().statusCode(200);
            given().auth().oauth2(agent).post("/api/agent/conversations/" + resolved + "/resolve").then().statusCode(200);
            chat.next(n -> "reply".equals(n.path("type").asText()) && n.path("text").asText().contains("打个分"));

            followUps.sweep(LocalDate.now(SHANGHAI).plusDays(2).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime());
            // the resolved conversation is closed: the follow-up opens a new one, which this client follows once it writes
        }
        try (ChatClient chat = connect(me)) {
            JsonNode ask = chat.next(n -> "reply".equals(n.path("type").asText()) && n.path("text").asText().contains("解决了吗"));
            assertEquals("1 非常不满意", ask.at("/quickReplies/4").asText(), ask.toString());
            chat.message("m-five", "5 很专业");
            chat.next("ack");
            JsonNode thanks = reply(chat);
            assertTrue(thanks.get("text").asText().contains("感谢"), thanks.toString());
        }
        given().auth().oauth2(Tokens.of("admin", "ADM")).get("/api/agent/conversations/" + resolved).then().statusCode(200)
                .body("rating", equalTo(5));
        String after = metrics();
        assertEquals(1, delta(before, after, "kefu_ratings_count", "served_by=\"agent\""), "the rating is counted once, as the agent's");
        assertEquals(5, delta(before, after, "kefu_ratings_sum", "served_by=\"agent\""));
    }

    @Test
    void aColdChainEventLeadsToARefundInTwoTapsWithoutAPhoto() {
        String me = Ws.uniqueCustomer("PF");
        Shop.order("PF-" + me, me, "fresh", OffsetDateTime.now().minusHours(3), Shop.item("F-STRAW", "丹东99草莓 500g", 2, "19.90", false));
        try (ChatClient chat = connect(me)) {
            reply(chat);
            post("{\"eventId\":\"ev-f-" + me + "\",\"type\":\"delivery_exception\",\"orderId\":\"PF-" + me + "\",\"customerId\":\"" + me
                    + "\",\"exception\":\"cold_chain_broken\"}").statusCode(202);
            JsonNode offer = reply(chat);
            assertTrue(offer.get("text").asText().contains("需要我直接为您办理退款吗"), offer.toString());
            assertEquals("直接退款", offer.at("/quickReplies/0").asText());

            JsonNode confirm = chat.say("直接退款"); // tap one
            assertEquals("confirm", confirm.at("/aftersales/step").asText(), confirm.toString());
            assertEquals("approved", confirm.at("/decision/outcome").asText());
            assertEquals("fresh.small-claim-limit", confirm.at("/decision/rule").asText());
            assertTrue(confirm.get("text").asText().contains("¥39.80"), confirm.toString());
            assertEquals("确认退款", confirm.at("/quickReplies/0").asText());

            JsonNode done = chat.say("确认退款"); // tap two
            assertEquals("aftersales_created", done.at("/actions/0/type").asText(), done.toString());
            String id = done.at("/actions/0/aftersalesId").asText();
            given().auth().oauth2(Tokens.shopper(me)).get("/api/me/aftersales").then().statusCode(200)
                    .body("[0].id", equalTo(id)).body("[0].status", equalTo("approved")).body("[0].amount", equalTo(39.8f))
                    .body("[0].reason", equalTo("spoiled")).body("[0].evidence.size()", equalTo(0));
        }
    }

    @Test
    void aCaseUpdateIsSaidPlainlyAndTheFollowUpComesOnceOutsideQuietHoursAndABadRatingLandsInTheQueue() {
        String me = Ws.uniqueCustomer("PU");
        Shop.order("PU-" + me, me, "fresh", OffsetDateTime.now().minusHours(3), Shop.item("F-EGG", "土鸡蛋 30枚", 1, "19.90", false));
        String admin = Tokens.of("admin", "ADM");
        String before = metrics();
        try (ChatClient chat = connect(me)) {
            reply(chat);
            post("{\"eventId\":\"ev-u1-" + me + "\",\"type\":\"delivery_exception\",\"orderId\":\"PU-" + me + "\",\"customerId\":\"" + me
                    + "\",\"exception\":\"damaged\"}").statusCode(202);
            reply(chat);
            chat.say("直接退款");
            String id = chat.say("确认退款").at("/actions/0/aftersalesId").asText();

            post("{\"eventId\":\"ev-u2-" + me + "\",\"type\":\"case_updated\",\"orderId\":\"PU-" + me + "\",\"customerId\":\"" + me
                    + "\",\"aftersalesId\":\"" + id + "\",\"status\":\"refunded\"}").statusCode(202);
            JsonNode update = reply(chat);
            assertEquals("您的退款 ¥19.90 已原路退回，预计1-3个工作日到账（售后单 " + id + "）。", update.get("text").asText());
            given().auth().oauth2(admin).get("/api/aftersales/" + id).then().body("status", equalTo("refunded"));

            // due a day after the case closed: not at night, then once in the morning
            LocalDate later = LocalDate.now(SHANGHAI).plusDays(2);
            followUps.sweep(later.atTime(23, 0).atZone(SHANGHAI).toOffsetDateTime());
            assertTrue(chat.drain(Duration.ofMillis(800)).stream().noneMatch(n -> "reply".equals(n.path("type").asText())),
                    "nothing during quiet hours");
            followUps.sweep(later.atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime());
            JsonNode ask = reply(chat);
            assertTrue(ask.get("text").asText().contains(id), ask.toString());
            assertEquals("5 非常满意", ask.at("/quickReplies/0").asText());
            followUps.sweep(later.atTime(11, 0).atZone(SHANGHAI).toOffsetDateTime());
            assertTrue(chat.drain(Duration.ofMillis(800)).stream().noneMatch(n -> "reply".equals(n.path("type").asText())), "asked once");

            chat.message("m-rate", "1 退款太慢了");
            String conversation = chat.next("ack").get("conversationId").asText();
            JsonNode rating = chat.next("rating");
            assertEquals(1, rating.get("score").asInt());
            assertEquals("退款太慢了", rating.get("comment").asText());
            JsonNode handoff = chat.next("handoff");
            assertEquals("bad_rating", handoff.get("reason").asText());

            JsonPath queue = given().auth().oauth2(Tokens.agent("A-PU")).queryParam("limit", 200).get("/api/agent/queue").then()
                    .statusCode(200).extract().jsonPath();
            List<String> ids = queue.getList("conversationId");
            int at = ids.indexOf(conversation);
            assertTrue(at >= 0, "the conversation waits in the queue");
            assertEquals(2, queue.getInt("[" + at + "].urgency"), "most urgent, with upset shoppers");
            assertEquals("bad_rating", queue.getString("[" + at + "].reason"));
        }
        String after = metrics();
        assertEquals(1, delta(before, after, "kefu_ratings_count", "served_by=\"bot\""), "the bot alone served the case");
        assertEquals(1, delta(before, after, "kefu_ratings_sum", "served_by=\"bot\""));
    }

    @Test
    void anOptedOutShopperGetsNothing() {
        String me = Ws.uniqueCustomer("PO");
        undeliveredOrder("PO-" + me, me, "fresh");
        try (ChatClient chat = connect(me)) {
            reply(chat);
            JsonNode ok = chat.say("别再发了");
            assertTrue(ok.get("text").asText().contains("不再主动"), ok.toString());
            given().auth().oauth2(Tokens.shopper(me)).get("/api/me/proactive").then().statusCode(200).body("enabled", equalTo(false));
            post(delay("ev-o-" + me, "PO-" + me, me, 14)).statusCode(202).body("outcome", equalTo("opted_out"));
            post("{\"eventId\":\"ev-o2-" + me + "\",\"type\":\"delivered\",\"orderId\":\"PO-" + me + "\",\"customerId\":\"" + me + "\"}")
                    .statusCode(202).body("outcome", equalTo("opted_out"));
            assertTrue(chat.drain(Duration.ofMillis(800)).stream().noneMatch(n -> "reply".equals(n.path("type").asText())));

            // and back on through the REST control
            given().auth().oauth2(Tokens.shopper(me)).contentType("application/json").body("{\"enabled\":true}").put("/api/me/proactive")
                    .then().statusCode(200).body("enabled", equalTo(true));
            post("{\"eventId\":\"ev-o3-" + me + "\",\"type\":\"delivered\",\"orderId\":\"PO-" + me + "\",\"customerId\":\"" + me + "\"}")
                    .statusCode(202).body("outcome", equalTo("sent"));
            assertTrue(reply(chat).get("text").asText().contains("已送达"));
        }
    }

    @Test
    void theDailyCapHoldsBackTheSixthMessage() {
        String me = Ws.uniqueCustomer("PK");
        undeliveredOrder("PK-" + me, me, "fresh");
        for (int i = 0; i < 5; i++) {
            post("{\"eventId\":\"ev-k" + i + "-" + me + "\",\"type\":\"delivered\",\"orderId\":\"PK-" + me + "\",\"customerId\":\"" + me + "\"}")
                    .statusCode(202).body("outcome", equalTo("sent"));
        }
        post("{\"eventId\":\"ev-k5-" + me + "\",\"type\":\"delivered\",\"orderId\":\"PK-" + me + "\",\"customerId\":\"" + me + "\"}")
                .statusCode(202).body("outcome", equalTo("capped"));
    }

    @Test
    void eventsForAnotherShoppersOrderAndBadEventsAreRefusedNamingTheField() {
        String owner = Ws.uniqueCustomer("PX");
        String other = Ws.uniqueCustomer("PY");
        undeliveredOrder("PX-" + owner, owner, "fresh");
        try (ChatClient ownerChat = connect(owner); ChatClient otherChat = connect(other)) {
            reply(ownerChat);
            reply(otherChat);
            post(delay("ev-x-" + owner, "PX-" + owner, other, 14)).statusCode(404).body("error", equalTo("unknown_order"));
            assertTrue(ownerChat.drain(Duration.ofMillis(500)).isEmpty());
            assertTrue(otherChat.drain(Duration.ofMillis(300)).isEmpty());
        }
        post("{\"eventId\":\"ev-b1\",\"type\":\"delivery_delayed\",\"orderId\":\"PX-" + owner + "\",\"customerId\":\"" + owner
                + "\",\"promisedBy\":\"2026-11-29T18:00:00+08:00\"}").statusCode(400).body("error", equalTo("missing_field"))
                .body("message", containsString("newWindow"));
        post("{\"eventId\":\"ev-b2\",\"type\":\"parcel_eaten\",\"orderId\":\"PX-" + owner + "\",\"customerId\":\"" + owner + "\"}")
                .statusCode(400).body("error", equalTo("invalid_field")).body("message", containsString("type"));
        post("{\"eventId\":\"ev-b3\",\"type\":\"delivery_exception\",\"orderId\":\"PX-" + owner + "\",\"customerId\":\"" + owner
                + "\",\"exception\":\"melted\"}").statusCode(400).body("message", containsString("exception"));
        post("{\"type\":\"delivered\",\"orderId\":\"PX-" + owner + "\",\"customerId\":\"" + owner + "\"}").statusCode(400)
                .body("message", containsString("eventId"));
        given().auth().oauth2(Tokens.shopper(owner)).contentType("application/json").body(delay("ev-s", "PX-" + owner, owner, 14))
                .post("/api/events").then().statusCode(403);
        given().contentType("application/json").body(delay("ev-a", "PX-" + owner, owner, 14)).post("/api/events").then().statusCode(401);
    }

    @Test
    void anOrderSystemThatCannotPushIsPolledFromWhereItLeftOff() throws Exception {
        String me = Ws.uniqueCustomer("PP");
        undeliveredOrder("PP-" + me, me, "fresh");
        List<String> asked = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        com.sun.net.httpserver.HttpServer feed = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        feed.createContext("/events", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            asked.add(query == null ? "" : query);
            String body = query == null
                    ? "{\"events\":[{\"eventId\":\"feed-1-" + me + "\",\"type\":\"delivered\",\"orderId\":\"PP-" + me + "\",\"customerId\":\""
                            + me + "\"},{\"eventId\":\"feed-2-" + me + "\",\"type\":\"delivered\",\"orderId\":\"PX-nobody\",\"customerId\":\"" + me
                            + "\"}],\"next\":\"c1\"}"
                    : "{\"events\":[],\"next\":\"c1\"}";
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        feed.start();
        try (ChatClient chat = connect(me)) {
            reply(chat);
            URI uri = URI.create("http://127.0.0.1:" + feed.getAddress().getPort() + "/events");
            assertEquals(1, poller.poll(uri), "the bad event (an order that is not the shopper's) is skipped");
            assertTrue(reply(chat).get("text").asText().contains("已送达"));
            assertEquals(0, poller.poll(uri), "the next run starts after the page already read");
            assertEquals(List.of("", "after=c1", "after=c1"), asked);
            assertTrue(chat.drain(Duration.ofMillis(500)).stream().noneMatch(n -> "reply".equals(n.path("type").asText())));
        } finally {
            feed.stop(0);
        }
    }

    @Test
    void theMetricsCountMessagesClaimsStartedAndStatusQuestionsAfterAnEvent() {
        String me = Ws.uniqueCustomer("PM");
        Shop.order("PM-" + me, me, "fresh", OffsetDateTime.now().minusHours(3), Shop.item("F-MILK", "鲜牛奶 1L", 1, "12.50", false));
        String before = metrics();
        try (ChatClient chat = connect(me)) {
            reply(chat);
            post("{\"eventId\":\"ev-m-" + me + "\",\"type\":\"delivery_exception\",\"orderId\":\"PM-" + me + "\",\"customerId\":\"" + me
                    + "\",\"exception\":\"cold_chain_broken\"}").statusCode(202);
            reply(chat);
            chat.say("直接退款");
            chat.say("确认退款");
            chat.say("我的退款到哪了");
        }
        String after = metrics();
        assertEquals(1, delta(before, after, "kefu_proactive_messages_total", "kind=\"exception\""));
        assertEquals(1, delta(before, after, "kefu_proactive_claims_total", "step=\"offered\""));
        assertEquals(1, delta(before, after, "kefu_proactive_claims_total", "step=\"created\""));
        assertEquals(1, delta(before, after, "kefu_status_questions_total", "after_event=\"true\""));
        assertFalse(after.contains(me), "no series names the shopper");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String name, String label) {
        return value(after, name, label) - value(before, name, label);
    }

    private static double value(String scrape, String name, String label) {
        return scrape.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}

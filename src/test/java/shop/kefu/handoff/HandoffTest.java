package shop.kefu.handoff;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.ConversationState;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/** Handoff triggers, the queue, agents taking over live, SLA flags and ratings. */
@QuarkusTest
class HandoffTest {

    @TestHTTPResource("/")
    URI base;
    @Inject
    SlaMonitor sla;
    @Inject
    AbsentAgents absentAgents;

    private ChatClient shopper(String me) {
        ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(me));
        c.next("reply");
        return c;
    }

    private static String send(ChatClient c, String text) {
        c.message("m" + System.nanoTime(), text);
        return c.next("ack").get("conversationId").asText();
    }

    /** The shopper asks for a human; returns the conversation, now waiting in the queue. */
    private static String handedOff(ChatClient c) {
        String conversation = send(c, "转人工");
        c.next("handoff");
        return conversation;
    }

    private static void claim(String agent, String conversation) {
        given().auth().oauth2(agent).post("/api/agent/conversations/" + conversation + "/claim").then().statusCode(200);
    }

    private static String agentToken(String id) {
        return given().contentType("application/json").body("{\"role\":\"agent\",\"subject\":\"" + id + "\",\"name\":\"客服" + id + "\"}")
                .post("/api/demo/token").then().statusCode(200).extract().path("token");
    }

    /**
     * The conversation's item in one reading of the queue, page by page (other tests' conversations come
     * and go meanwhile, and a new one waits at the end).
     */
    private static JsonPath queueItem(String agent, String conversationId) {
        String after = null;
        do {
            var request = given().auth().oauth2(agent).queryParam("limit", 200);
            var response = (after == null ? request : request.queryParam("after", after)).get("/api/agent/queue").then().statusCode(200)
                    .extract();
            JsonPath queue = response.jsonPath();
            List<String> ids = queue.getList("conversationId", String.class);
            int i = ids.indexOf(conversationId);
            if (i >= 0) {
                return queue.setRootPath("[" + i + "]");
            }
            after = response.header("Link") == null ? null : ids.get(ids.size() - 1);
        } while (after != null);
        return null;
    }

    @Test
    void anAgentTakesOverLiveAndTheBotStaysSilent() throws Exception {
        String me = Ws.uniqueCustomer("H");
        String agent = agentToken("A-" + me);
        Thread.sleep(1100); // agents of earlier tests, present through their REST calls, are away after the 1 s grace
        try (ChatClient c = shopper(me)) {
            String conversation = send(c, "转人工");
            c.next("reply");
            JsonNode handoff = c.next("handoff");
            assertEquals("requested", handoff.get("reason").asText());
            assertTrue(handoff.get("queuePosition").asInt() >= 1);
            assertTrue(c.next("reply").get("text").asText().contains("没有在线的人工客服"), "nobody online: told so, ticket kept");

            send(c, "我的草莓烂了，订单D1001-1");
            assertTrue(c.drain(Duration.ofMillis(500)).isEmpty(), "waiting: the bot stays silent");
            JsonPath item = queueItem(agent, conversation);
            assertTrue(item != null, "the conversation is in the queue");
            assertEquals("我的草莓烂了，订单D1001-1", item.getString("summary.wants"), "the complaint, not the request for a human");
            assertTrue(item.getList("summary.orders").contains("D1001-1"));

            claim(agent, conversation);
            JsonNode joined = c.next("agent_joined");
            assertEquals("客服A-" + me, joined.at("/agent/name").asText());
            given().auth().oauth2(agent).contentType("application/json").body("{\"text\":\"您好，我来处理\"}")
                    .post("/api/agent/conversations/" + conversation + "/messages").then().statusCode(202);
            JsonNode reply = c.next("reply");
            assertEquals("agent", reply.get("from").asText());
            assertEquals("您好，我来处理", reply.get("text").asText());

            send(c, "好的谢谢");
            assertTrue(c.drain(Duration.ofMillis(500)).isEmpty(), "with an agent: the bot stays silent");
            JsonPath transcript = given().auth().oauth2(agent).get("/api/agent/conversations/" + conversation).then().statusCode(200)
                    .extract().jsonPath();
            assertTrue(transcript.getList("events.text").contains("好的谢谢"));

            given().auth().oauth2(agent).contentType("application/json").body("{\"text\":\"老顾客，优先处理\"}")
                    .post("/api/agent/conversations/" + conversation + "/notes").then().statusCode(201);
            assertFalse(c.drain(Duration.ofMillis(300)).toString().contains("老顾客"), "notes are private");

            given().auth().oauth2(agent).post("/api/agent/conversations/" + conversation + "/resolve").then().statusCode(200);
            c.next("agent_left");
            assertTrue(c.next("reply").get("text").asText().contains("打个分"));
            c.send("{\"type\":\"rate\",\"score\":4,\"comment\":\"挺快的\"}");
            c.next("rating");
            c.next("reply"); // thanks
            c.send("{\"type\":\"rate\",\"score\":1}");
            assertEquals("not_rateable", c.next("error").get("code").asText(), "one rating per conversation");
            Conversation stored = QuarkusTransaction.requiringNew().call(() -> Conversation.findById(conversation));
            assertEquals(4, stored.rating, "the first rating stands");
            assertEquals("A-" + me, stored.agentId, "rating kept per conversation and agent");
            assertEquals(ConversationState.CLOSED, stored.state);
        }
    }

    @Test
    void aScoreTypedRightAfterTheRatingRequestIsStoredAsTheRating() {
        String me = Ws.uniqueCustomer("H");
        String agent = agentToken("A-" + me);
        try (ChatClient c = shopper(me)) {
            String conversation = handedOff(c);
            claim(agent, conversation);
            given().auth().oauth2(agent).post("/api/agent/conversations/" + conversation + "/resolve").then().statusCode(200);
            JsonNode request = c.next(f -> "reply".equals(f.path("type").asText()) && f.path("text").asText().contains("打个分"));
            assertEquals("rating_requested", request.at("/actions/0/type").asText(), "clients show their rating control");

            c.message("typed-4", " ４分 ");
            JsonNode rating = c.next();
            assertEquals("rating", rating.get("type").asText(), rating.toString());
            assertEquals(4, rating.get("score").asInt());
            assertTrue(c.next().get("text").asText().contains("感谢您的评价"));
            JsonNode ack = c.next();
            assertEquals("typed-4", ack.get("id").asText(), ack.toString());
            assertEquals(conversation, ack.get("conversationId").asText(), "not a new conversation");
            assertEquals(rating.get("seq").asLong(), ack.get("seq").asLong());
            c.message("typed-4", " ４分 ");
            assertEquals(ack.get("seq").asLong(), c.next("ack").get("seq").asLong(), "a resend is the same rating, acknowledged again");
            assertTrue(c.drain(Duration.ofMillis(500)).isEmpty(), "nothing else: no second rating, no question for the bot");
            JsonPath transcript = given().auth().oauth2(agent).get("/api/agent/conversations/" + conversation).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(4, transcript.getInt("rating"));

            String next = send(c, "5"); // the conversation is rated: a digit is an ordinary message of a new conversation
            assertFalse(conversation.equals(next));
        }
    }

    @Test
    void theQueuePositionAShopperIsToldIsTheirPlaceInTheQueue() {
        String agent = agentToken("A-" + Ws.uniqueCustomer("Q"));
        try (ChatClient first = shopper(Ws.uniqueCustomer("H")); ChatClient second = shopper(Ws.uniqueCustomer("H"))) {
            String firstConversation = send(first, "转人工");
            JsonNode firstReply = first.next("reply");
            long firstPosition = first.next("handoff").get("queuePosition").asLong();
            String secondConversation = send(second, "转人工");
            long secondPosition = second.next("handoff").get("queuePosition").asLong();

            assertEquals(queueItem(agent, firstConversation).getLong("queuePosition"), firstPosition, "as agents see it");
            assertEquals(queueItem(agent, secondConversation).getLong("queuePosition"), secondPosition);
            assertEquals(firstPosition + 1, secondPosition, "one more ahead: the first shopper");
            assertFalse(firstReply.get("text").asText().contains("请稍候"),
                    "the handoff reply promises no quick answer: the queue event and the notice say how long");
            for (String id : List.of(firstConversation, secondConversation)) { // leave the queue as it was
                claim(agent, id);
                given().auth().oauth2(agent).post("/api/agent/conversations/" + id + "/resolve").then().statusCode(200);
            }
        }
    }

    @Test
    void twoAgentsClaimingAtOnceOneWins() throws Exception {
        String me = Ws.uniqueCustomer("H");
        String conversation;
        try (ChatClient c = shopper(me)) {
            conversation = send(c, "找客服");
            c.next("handoff");
        }
        List<CompletableFuture<Integer>> claims = new ArrayList<>();
        for (String a : List.of("R1-" + me, "R2-" + me, "R3-" + me)) {
            String token = agentToken(a);
            claims.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                    .post("/api/agent/conversations/" + conversation + "/claim").statusCode()));
        }
        List<Integer> codes = claims.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(200, 409, 409), codes);
    }

    @Test
    void anAgentsConversationsReturnToTheQueueWhenTheyStayOffline() throws Exception {
        String me = Ws.uniqueCustomer("H");
        String agentId = "D-" + me;
        String conversation;
        try (ChatClient c = shopper(me)) {
            conversation = handedOff(c);
            try (ChatClient agent = ChatClient.connect(Ws.ws(base), "/ws/agent", agentToken(agentId))) {
                assertEquals("queue", agent.next().get("type").asText());
                agent.send("{\"type\":\"claim\",\"conversationId\":\"" + conversation + "\"}");
                c.next("agent_joined");
                agent.next(n -> "event".equals(n.path("type").asText()) && "agent_joined".equals(n.at("/event/type").asText()));
                send(c, "在吗");
                JsonNode pushed = agent.next(n -> "event".equals(n.path("type").asText()) && "message".equals(n.at("/event/type").asText()));
                assertEquals("在吗", pushed.at("/event/text").asText(), "the agent sees the shopper's messages live");
                agent.send("{\"type\":\"message\",\"conversationId\":\"" + conversation + "\",\"text\":\"在的\"}");
                assertEquals("在的", c.next("reply").get("text").asText());
            }
            JsonNode left = c.next("agent_left");
            assertEquals(agentId, left.at("/agent/id").asText());
            assertEquals("agent_disconnected", c.next("handoff").get("reason").asText());
        }
        Conversation stored = QuarkusTransaction.requiringNew().call(() -> Conversation.findById(conversation));
        assertEquals(ConversationState.WAITING_FOR_AGENT, stored.state);
    }

    @Test
    void upsetShoppersAndFreshProblemsGoFirst() {
        String calm = Ws.uniqueCustomer("H");
        String upset = Ws.uniqueCustomer("H");
        String calmConversation;
        String upsetConversation;
        try (ChatClient a = shopper(calm); ChatClient b = shopper(upset)) {
            calmConversation = send(a, "转人工");
            a.next("handoff");
            upsetConversation = send(b, "你们太垃圾了");
            assertEquals("negative_sentiment", b.next("handoff").get("reason").asText());
        }
        String agent = agentToken("Q-" + calm);
        long calmPosition = queueItem(agent, calmConversation).getLong("queuePosition");
        long upsetPosition = queueItem(agent, upsetConversation).getLong("queuePosition");
        assertTrue(upsetPosition < calmPosition, "upset " + upsetPosition + " before calm " + calmPosition);
    }

    @Test
    void aLateFirstResponseIsFlaggedAndCounted() {
        String me = Ws.uniqueCustomer("H");
        String conversation;
        try (ChatClient c = shopper(me)) {
            conversation = handedOff(c);
        }
        QuarkusTransaction.requiringNew().run(() -> Conversation.update("handoffAt = ?1 where id = ?2",
                OffsetDateTime.now().minusMinutes(11), conversation));
        sla.check();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Conversation.<Conversation> findById(conversation).firstResponseBreached));
        assertTrue(queueItem(agentToken("S-" + me), conversation).getBoolean("firstResponseBreached"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("kefu_sla_breaches_total{kind=\"first_response\"}"), "breaches are counted in metrics");
    }

    @Test
    void aBotHeldConversationAnAgentClaimedAndTransferredBackWaitsInTheQueue() {
        String me = Ws.uniqueCustomer("H");
        String conversation;
        try (ChatClient c = shopper(me)) {
            conversation = send(c, "草莓怎么保存");
            c.next("reply"); // the bot answers; nobody asked for a human
        }
        String agent = agentToken("T-" + me);
        claim(agent, conversation);
        given().auth().oauth2(agent).contentType("application/json").body("{}")
                .post("/api/agent/conversations/" + conversation + "/transfer").then().statusCode(200);
        JsonPath item = queueItem(agent, conversation); // the whole queue answered 500 for every agent before
        assertNotNull(item, "back in the queue");
        assertEquals("agent_claimed", item.getString("reason"), "how it left the bot");
        assertTrue(item.getLong("waitingSeconds") >= 0);
    }

    @Test
    void anAgentWhoWorkedOnlyThroughRestAndWentAwayLosesTheirConversationsToTheQueue() throws Exception {
        String me = Ws.uniqueCustomer("H");
        try (ChatClient c = shopper(me)) {
            String conversation = handedOff(c);
            claim(agentToken("R-" + me), conversation); // no workspace socket: REST only
            c.next("agent_joined");
            absentAgents.sweep();
            assertTrue(c.drain(Duration.ofMillis(300)).stream().noneMatch(f -> f.path("type").asText().equals("agent_left")),
                    "an agent who was just at work keeps the conversation");

            Thread.sleep(1500); // the test profile's grace period is 1 s
            absentAgents.sweep(); // what the presence sweep does every kefu.handoff.presence-sweep-every
            assertEquals("R-" + me, c.next("agent_left").at("/agent/id").asText());
            assertEquals("agent_disconnected", c.next("handoff").get("reason").asText());
            assertNotNull(queueItem(agentToken("Q-" + me), conversation), "waiting in the queue again");
        }
    }

    @Test
    void aSupervisorMovesAConversationAwayFromAnAgentAndAnotherAgentCannot() {
        String me = Ws.uniqueCustomer("H");
        try (ChatClient c = shopper(me)) {
            String conversation = handedOff(c);
            claim(agentToken("A-" + me), conversation);
            c.next("agent_joined");
            given().auth().oauth2(agentToken("B-" + me)).contentType("application/json").body("{}")
                    .post("/api/agent/conversations/" + conversation + "/transfer").then().statusCode(409)
                    .body("error", org.hamcrest.Matchers.equalTo("not_held"));
            given().auth().oauth2(Tokens.of("supervisor", "SV-" + me)).contentType("application/json").body("{}")
                    .post("/api/agent/conversations/" + conversation + "/transfer").then().statusCode(200);
            assertEquals("A-" + me, c.next("agent_left").at("/agent/id").asText());
            assertEquals("transfer", c.next("handoff").get("reason").asText());
        }
    }

    @Test
    void aTransferGoesOnlyToAnAgentWhoIsSignedInAndShowsTheirName() {
        String me = Ws.uniqueCustomer("H");
        try (ChatClient c = shopper(me)) {
            String conversation = handedOff(c);
            String agent = agentToken("X-" + me);
            claim(agent, conversation);
            c.next("agent_joined");
            given().auth().oauth2(agent).contentType("application/json").body("{\"agentId\":\"NOBODY-" + me + "\"}")
                    .post("/api/agent/conversations/" + conversation + "/transfer").then().statusCode(409)
                    .body("error", org.hamcrest.Matchers.equalTo("agent_offline"));
            given().auth().oauth2(agent).contentType("application/json").body("{\"text\":\"还在为您处理\"}")
                    .post("/api/agent/conversations/" + conversation + "/messages").then().statusCode(202); // still theirs
            String colleague = agentToken("Y-" + me);
            try (ChatClient workspace = ChatClient.connect(Ws.ws(base), "/ws/agent", colleague)) {
                workspace.next("queue");
                given().auth().oauth2(agent).contentType("application/json").body("{\"agentId\":\"Y-" + me + "\"}")
                        .post("/api/agent/conversations/" + conversation + "/transfer").then().statusCode(200);
                JsonNode joined = c.next("agent_joined");
                assertEquals("客服Y-" + me, joined.at("/agent/name").asText(), "the name they signed in with, not the id");
            }
        }
    }

    @Test
    void agentsOpenTheQueueAndTheirOwnConversationsAndSupervisorsOpenAll() {
        String me = Ws.uniqueCustomer("H");
        try (ChatClient c = shopper(me)) {
            String conversation = handedOff(c);
            String holder = agentToken("P-" + me);
            String other = agentToken("Q-" + me);
            String path = "/api/agent/conversations/" + conversation;
            given().auth().oauth2(other).get(path).then().statusCode(200); // waiting in the queue: anyone may look
            given().auth().oauth2(holder).post(path + "/claim").then().statusCode(200);
            given().auth().oauth2(holder).get(path).then().statusCode(200);
            given().auth().oauth2(other).get(path).then().statusCode(403).body("error", org.hamcrest.Matchers.equalTo("not_yours"));
            given().auth().oauth2(other).get(path + "/orders").then().statusCode(403);
            given().auth().oauth2(other).contentType("application/json").body("{\"text\":\"我来看看\"}").post(path + "/notes")
                    .then().statusCode(403);
            given().auth().oauth2(Tokens.of("supervisor", "SV-" + me)).get(path).then().statusCode(200);
        }
    }

    @Test
    void agentsMustHoldAConversationToActOnItAndShoppersCannotUseTheWorkspace() {
        String me = Ws.uniqueCustomer("H");
        String conversation;
        try (ChatClient c = shopper(me)) {
            conversation = handedOff(c);
        }
        String agent = agentToken("N-" + me);
        given().auth().oauth2(agent).contentType("application/json").body("{\"text\":\"hi\"}")
                .post("/api/agent/conversations/" + conversation + "/messages").then().statusCode(409);
        given().auth().oauth2(agent).post("/api/agent/conversations/nope/claim").then().statusCode(404);
        given().auth().oauth2(Tokens.shopper(me)).get("/api/agent/queue").then().statusCode(403);
        assertEquals(403, ChatClient.upgradeStatus(Ws.ws(base), "/ws/agent", Tokens.shopper(me)));
        claim(agent, conversation);
        given().auth().oauth2(agent).contentType("application/json").body("{\"text\":\"\"}")
                .post("/api/agent/conversations/" + conversation + "/messages").then().statusCode(400);
        given().auth().oauth2(agent).get("/api/agent/canned").then().statusCode(200).body("greet", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(agent).post("/api/agent/conversations/" + conversation + "/release").then().statusCode(200);
        assertEquals(ConversationState.BOT, QuarkusTransaction.requiringNew().call(() -> Conversation.<Conversation> findById(conversation).state));
    }

    @Test
    void aCaseUnderReviewIsApprovedByASupervisorWhoDidNotCreateIt() {
        String me = Ws.uniqueCustomer("H");
        shop.kefu.support.Shop.order("V-" + me, me, "fresh", OffsetDateTime.now().minusHours(30),
                shop.kefu.support.Shop.item("CRAB", "大闸蟹礼盒", 1, "200.00", false),
                shop.kefu.support.Shop.item("SHRIMP", "基围虾 1kg", 1, "150.00", false));
        String agent = agentToken("V-" + me);
        String supervisor = Tokens.of("supervisor", "S-" + me);
        try (ChatClient c = shopper(me)) {
            String conversation = handedOff(c);
            claim(agent, conversation);
            String byAgent = given().auth().oauth2(agent).contentType("application/json").body("{\"orderId\":\"V-" + me + "\",\"sku\":\"CRAB\",\"amount\":120}")
                    .post("/api/agent/conversations/" + conversation + "/compensation").then().statusCode(201)
                    .body("status", org.hamcrest.Matchers.equalTo("under_review")).extract().path("aftersalesId");
            String approve = "{\"status\":\"APPROVED\"}";
            given().auth().oauth2(agent).contentType("application/json").body(approve).post("/api/aftersales/" + byAgent + "/transition")
                    .then().statusCode(403).body("error", org.hamcrest.Matchers.equalTo("supervisor_required"));
            given().auth().oauth2(supervisor).contentType("application/json").body(approve).post("/api/aftersales/" + byAgent + "/transition")
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("approved"));

            // a supervisor's own grant above the limit waits for someone else
            given().auth().oauth2(agent).contentType("application/json").body("{}")
                    .post("/api/agent/conversations/" + conversation + "/transfer").then().statusCode(200);
            claim(supervisor, conversation);
            String bySupervisor = given().auth().oauth2(supervisor).contentType("application/json")
                    .body("{\"orderId\":\"V-" + me + "\",\"sku\":\"SHRIMP\",\"amount\":60}")
                    .post("/api/agent/conversations/" + conversation + "/compensation").then().statusCode(201)
                    .body("status", org.hamcrest.Matchers.equalTo("under_review")).extract().path("aftersalesId");
            given().auth().oauth2(supervisor).contentType("application/json").body(approve).post("/api/aftersales/" + bySupervisor + "/transition")
                    .then().statusCode(403).body("error", org.hamcrest.Matchers.equalTo("own_case"));
            given().auth().oauth2(Tokens.of("admin", "ADM-" + me)).contentType("application/json").body(approve)
                    .post("/api/aftersales/" + bySupervisor + "/transition").then().statusCode(200);
        }
    }

    @Test
    void aReplacedItemIsNotRefundedToo() {
        String me = Ws.uniqueCustomer("H");
        shop.kefu.support.Shop.order("F-" + me, me, "furniture", OffsetDateTime.now().minusDays(3),
                shop.kefu.support.Shop.item("SOFA", "布艺沙发 三人位", 1, "2000.00", false),
                shop.kefu.support.Shop.item("DESK", "实木书桌", 1, "900.00", false));
        String agent = agentToken("F-" + me);
        try (ChatClient c = shopper(me)) {
            String conversation = handedOff(c);
            claim(agent, conversation);
            String path = "/api/agent/conversations/" + conversation + "/aftersales";
            java.util.function.BiFunction<String, String, String> claim = (sku, kindAndReason) -> "{\"orderId\":\"F-" + me
                    + "\",\"sku\":\"" + sku + "\"," + kindAndReason + ",\"share\":1,\"evidence\":[\"" + shop.kefu.support.Shop.photo(me) + "\"]}";
            // a new sofa is on its way for the damaged one; a refund of the sofa on top would pay twice
            given().auth().oauth2(agent).contentType("application/json").body(claim.apply("SOFA", "\"kind\":\"REPLACEMENT\",\"reason\":\"DAMAGED\""))
                    .post(path).then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("approved"));
            given().auth().oauth2(agent).contentType("application/json").body(claim.apply("SOFA", "\"kind\":\"REFUND\",\"reason\":\"QUALITY\""))
                    .post(path).then().statusCode(409).body("rule", org.hamcrest.Matchers.equalTo("order.already-claimed"));
            // and the other way round: money first, then no new item on top
            given().auth().oauth2(agent).contentType("application/json").body(claim.apply("DESK", "\"kind\":\"REFUND\",\"reason\":\"QUALITY\""))
                    .post(path).then().statusCode(201);
            given().auth().oauth2(agent).contentType("application/json").body(claim.apply("DESK", "\"kind\":\"REPLACEMENT\",\"reason\":\"DAMAGED\""))
                    .post(path).then().statusCode(409).body("rule", org.hamcrest.Matchers.equalTo("order.already-claimed"));
        }
    }

    @Test
    void claimsOnOneItemNeverAddUpToMoreThanWasPaidOrToALargeInstantRefund() throws Exception {
        String me = Ws.uniqueCustomer("H");
        shop.kefu.support.Shop.order("L-" + me, me, "fresh", OffsetDateTime.now().minusHours(5),
                shop.kefu.support.Shop.item("MANGO", "贵妃芒 5斤", 1, "80.00", false),
                shop.kefu.support.Shop.item("GRAPE", "阳光玫瑰 2斤", 1, "80.00", false));
        String agent = agentToken("L-" + me);
        try (ChatClient c = shopper(me)) {
            String conversation = handedOff(c);
            claim(agent, conversation);
            java.util.function.BiFunction<String, String, String> claim = (sku, reasonAndShare) -> "{\"orderId\":\"L-" + me + "\",\"sku\":\"" + sku
                    + "\",\"kind\":\"REFUND\"," + reasonAndShare + ",\"evidence\":[\"" + shop.kefu.support.Shop.photo(me) + "\"]}";
            String path = "/api/agent/conversations/" + conversation + "/aftersales";
            // two small claims under different reasons: the second would make ¥60 paid out without review
            given().auth().oauth2(agent).contentType("application/json").body(claim.apply("MANGO", "\"reason\":\"SPOILED\",\"share\":0.5"))
                    .post(path).then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("approved"));
            given().auth().oauth2(agent).contentType("application/json").body(claim.apply("MANGO", "\"reason\":\"DAMAGED\",\"share\":0.25"))
                    .post(path).then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("under_review"));
            // five claims of ¥60 each on an ¥80 item at the same moment: together at most ¥80
            List<CompletableFuture<Number>> racing = new ArrayList<>();
            var threads = java.util.concurrent.Executors.newFixedThreadPool(5); // the common pool has one thread on two cores
            var start = new java.util.concurrent.CountDownLatch(1);
            for (String reason : List.of("SPOILED", "DAMAGED", "WRONG_ITEM", "MISSING", "QUALITY")) {
                String body = claim.apply("GRAPE", "\"reason\":\"" + reason + "\",\"share\":0.75");
                racing.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return given().auth().oauth2(agent).contentType("application/json").body(body).post(path).then().extract().path("amount");
                }, threads));
            }
            start.countDown();
            double total = 0;
            for (CompletableFuture<Number> f : racing) {
                Number amount = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
                total += amount == null ? 0 : amount.doubleValue();
            }
            threads.shutdown();
            assertTrue(total <= 80.0 + 1e-6, "granted ¥" + total + " on an item that cost ¥80");
        }
    }

    @Test
    void anAgentCreatesAfterSalesAndGrantsCompensationWithinTheFrontlineLimit() {
        String me = Ws.uniqueCustomer("H");
        shop.kefu.support.Shop.order("G-" + me, me, "fresh", OffsetDateTime.now().minusHours(30),
                shop.kefu.support.Shop.item("CRAB", "大闸蟹礼盒", 1, "200.00", false));
        String agent = agentToken("G-" + me);
        try (ChatClient c = shopper(me)) {
            String conversation = handedOff(c);
            String body = "{\"orderId\":\"G-" + me + "\",\"sku\":\"CRAB\",\"amount\":20}";
            given().auth().oauth2(agent).contentType("application/json").body(body)
                    .post("/api/agent/conversations/" + conversation + "/compensation").then().statusCode(409);
            claim(agent, conversation);
            given().auth().oauth2(agent).contentType("application/json").body(body)
                    .post("/api/agent/conversations/" + conversation + "/compensation").then().statusCode(201)
                    .body("status", org.hamcrest.Matchers.equalTo("approved"));
            JsonNode told = c.next(n -> "reply".equals(n.path("type").asText()) && "agent".equals(n.path("from").asText()));
            assertEquals("aftersales_created", told.at("/actions/0/type").asText());

            given().auth().oauth2(agent).contentType("application/json")
                    .body("{\"orderId\":\"G-" + me + "\",\"sku\":\"CRAB\",\"kind\":\"REFUND\",\"reason\":\"SPOILED\",\"share\":0.5,"
                            + "\"evidence\":[\"" + shop.kefu.support.Shop.photo(me) + "\"]}")
                    .post("/api/agent/conversations/" + conversation + "/aftersales").then().statusCode(201)
                    .body("status", org.hamcrest.Matchers.equalTo("under_review"))
                    .body("amount", org.hamcrest.Matchers.equalTo(100.0f));
            given().auth().oauth2(agent).contentType("application/json")
                    .body("{\"orderId\":\"D1001-1\",\"sku\":\"F-STRAW\",\"amount\":5}")
                    .post("/api/agent/conversations/" + conversation + "/compensation").then().statusCode(404);
        }
    }
}

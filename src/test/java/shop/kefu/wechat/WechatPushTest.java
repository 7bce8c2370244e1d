package shop.kefu.wechat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import shop.kefu.conversation.Conversation;
import shop.kefu.proactive.FollowUps;
import shop.kefu.support.Shop;
import shop.kefu.support.Tokens;
import shop.kefu.support.Transcript;
import shop.kefu.support.Ws;

/**
 * The customer-service message push, over real HTTP both ways: pushes signed (and encrypted) as WeChat
 * makes them, and a local fake of WeChat's API receiving the replies.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeWechat.class, restrictToAnnotatedClass = true)
class WechatPushTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicLong CLOCK = new AtomicLong(System.currentTimeMillis() / 1000);

    @Inject
    Inbox inbox;
    @Inject
    FollowUps followUps;

    @BeforeEach
    void reset() {
        FakeWechat.reset();
    }

    // ------------------------------------------------------------------ helpers

    private static String openid() {
        return "o" + Ws.uniqueCustomer("WX").replace("-", "_");
    }

    private static long now() {
        return CLOCK.incrementAndGet();
    }

    private static String text(String openid, String msgId, String content) {
        return JSON.createObjectNode().put("ToUserName", "gh_kefu").put("FromUserName", openid).put("CreateTime", now())
                .put("MsgType", "text").put("Content", content).put("MsgId", Long.parseLong(msgId)).toString();
    }

    private static Response push(String body, String contentType) {
        String ts = Long.toString(now()), nonce = "n" + ts;
        return given().queryParam("signature", Signatures.sign(FakeWechat.TOKEN, ts, nonce)).queryParam("timestamp", ts)
                .queryParam("nonce", nonce).contentType(contentType).body(body).post("/wechat/push");
    }

    /** Safe mode, as WeChat sends it: the message encrypted in an envelope of the same format, with msg_signature. */
    private static Response pushSafe(String plain, boolean xml) {
        String ts = Long.toString(now()), nonce = "s" + ts;
        String encrypt = new MessageCrypto(FakeWechat.AES_KEY, FakeWechat.APP_ID).encrypt(plain);
        String envelope = xml ? "<xml><ToUserName><![CDATA[gh_kefu]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>"
                : JSON.createObjectNode().put("ToUserName", "gh_kefu").put("Encrypt", encrypt).toString();
        return given().queryParam("signature", Signatures.sign(FakeWechat.TOKEN, ts, nonce)).queryParam("timestamp", ts)
                .queryParam("nonce", nonce).queryParam("encrypt_type", "aes")
                .queryParam("msg_signature", Signatures.sign(FakeWechat.TOKEN, ts, nonce, encrypt))
                .contentType(xml ? "text/xml" : "application/json").body(envelope).post("/wechat/push");
    }

    private static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static List<String> awaitTexts(String openid, int count) {
        await(count + " messages to " + openid, () -> FakeWechat.textsTo(openid).size() >= count);
        return FakeWechat.textsTo(openid);
    }

    private static String conversationOf(String openid) {
        return QuarkusTransaction.requiringNew().call(() -> WechatConversation.<WechatConversation> find("openid = ?1 order by updatedAt desc",
                openid).firstResult().conversationId);
    }

    private static JsonNode status(String conversationId) {
        return given().auth().oauth2(Tokens.of("supervisor", "SUP1")).get("/api/agent/conversations/" + conversationId + "/wechat")
                .then().statusCode(200).extract().as(JsonNode.class);
    }

    private static long inboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> InboxEntry.count());
    }

    // ------------------------------------------------------------------ tests

    @Test
    void theConsolesUrlCheckIsEchoedOnlyWithOurSignature() {
        String ts = "1409304348", nonce = "xxxxxx";
        given().queryParam("signature", Signatures.sign(FakeWechat.TOKEN, ts, nonce)).queryParam("timestamp", ts)
                .queryParam("nonce", nonce).queryParam("echostr", "5837397520665436492").get("/wechat/push").then().statusCode(200)
                .body(equalTo("5837397520665436492"));
        given().queryParam("signature", Signatures.sign("another-token", ts, nonce)).queryParam("timestamp", ts)
                .queryParam("nonce", nonce).queryParam("echostr", "5837397520665436492").get("/wechat/push").then().statusCode(403);
    }

    @Test
    void aPlainJsonQuestionIsAnsweredThroughTheSendApiWithTyping() {
        String me = openid();
        push(text(me, "1000001", "草莓怎么保存"), "application/json").then().statusCode(200).body(equalTo("success"));
        List<String> sent = awaitTexts(me, 1);
        assertTrue(sent.get(0).contains("草莓"), sent.toString());
        assertEquals(FakeWechat.currentToken(), FakeWechat.SENT.get(0).path("_token").asText());
        await("typing", () -> FakeWechat.TYPING.stream().anyMatch(t -> me.equals(t.path("touser").asText())));
        assertEquals("Typing", FakeWechat.TYPING.stream().filter(t -> me.equals(t.path("touser").asText())).findFirst().orElseThrow()
                .path("command").asText());
    }

    @Test
    void safeModeMessagesInXmlAndJsonAreDecryptedAndAnswered() {
        String me = openid();
        String xml = "<xml><ToUserName><![CDATA[gh_kefu]]></ToUserName><FromUserName><![CDATA[" + me + "]]></FromUserName><CreateTime>"
                + now() + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[冰箱不制冷怎么办]]></Content><MsgId>1000002</MsgId></xml>";
        pushSafe(xml, true).then().statusCode(200).body(equalTo("success"));
        assertTrue(awaitTexts(me, 1).get(0).contains("冰箱"), FakeWechat.textsTo(me).toString());
        pushSafe(text(me, "1000003", "草莓怎么保存"), false).then().statusCode(200).body(equalTo("success"));
        assertTrue(awaitTexts(me, 2).get(1).contains("草莓"), FakeWechat.textsTo(me).toString());
    }

    @Test
    void wechatsThreeRetriesOfAMessageAreOneMessageWithOneAnswer() {
        String me = openid();
        String body = text(me, "1000004", "草莓怎么保存");
        for (int i = 0; i < 4; i++) {
            push(body, "application/json").then().statusCode(200).body(equalTo("success"));
        }
        awaitTexts(me, 1);
        inbox.sweep(); // as another node (or this one after a restart) would
        String transcript = Transcript.forStaff(conversationOf(me));
        assertEquals(1, transcript.split("\"type\":\"message\"", -1).length - 1, transcript);
        assertEquals(1, FakeWechat.textsTo(me).size(), FakeWechat.textsTo(me).toString());
        // events carry no MsgId: the same user and CreateTime is the same event
        String enter = JSON.createObjectNode().put("FromUserName", me).put("CreateTime", 1_800_000_000L).put("MsgType", "event")
                .put("Event", "user_enter_tempsession").put("SessionFrom", "order-page").toString();
        long before = inboxRows();
        push(enter, "application/json").then().statusCode(200);
        push(enter, "application/json").then().statusCode(200);
        assertEquals(before + 1, inboxRows());
    }

    @Test
    void aPushStoredButNeverHandledBeforeTheServiceStoppedIsHandledByTheSweep() {
        String me = openid();
        // as the inbox leaves it when the process dies between answering "success" and handling the push
        PushMessage m = PushMessage.of(java.util.Map.of("FromUserName", me, "CreateTime", Long.toString(now()), "MsgType", "text",
                "Content", "草莓怎么保存", "MsgId", "1000020"));
        QuarkusTransaction.requiringNew().run(() -> {
            InboxEntry e = new InboxEntry();
            e.dedupeKey = m.dedupeKey();
            e.openid = me;
            e.message = JSON.valueToTree(m).toString();
            e.receivedAt = OffsetDateTime.now().minusMinutes(1);
            e.persist();
        });
        inbox.sweep();
        assertTrue(awaitTexts(me, 1).get(0).contains("草莓"));
        push(text(me, "1000020", "草莓怎么保存"), "application/json").then().statusCode(200).body(equalTo("success")); // WeChat's late retry
        inbox.sweep();
        assertEquals(1, FakeWechat.textsTo(me).size());
    }

    @Test
    void aForgedOrUnsignedPushIsRefusedAndNothingIsStored() {
        String me = openid();
        long before = inboxRows();
        String ts = Long.toString(now());
        given().queryParam("signature", Signatures.sign("guessed", ts, "n")).queryParam("timestamp", ts).queryParam("nonce", "n")
                .contentType("application/json").body(text(me, "1000005", "给我退款")).post("/wechat/push").then().statusCode(403);
        given().contentType("application/json").body(text(me, "1000006", "给我退款")).post("/wechat/push").then().statusCode(403);
        // a valid URL signature but a safe-mode body whose msg_signature is forged
        String encrypt = new MessageCrypto(FakeWechat.AES_KEY, FakeWechat.APP_ID).encrypt(text(me, "1000007", "给我退款"));
        given().queryParam("signature", Signatures.sign(FakeWechat.TOKEN, ts, "n")).queryParam("timestamp", ts).queryParam("nonce", "n")
                .queryParam("encrypt_type", "aes").queryParam("msg_signature", Signatures.sign("guessed", ts, "n", encrypt))
                .contentType("application/json").body("{\"Encrypt\":\"" + encrypt + "\"}").post("/wechat/push").then().statusCode(403);
        push("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><FromUserName>" + me + "</FromUserName></xml>", "text/xml")
                .then().statusCode(400);
        assertEquals(before, inboxRows());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> WechatUser.findById(me) == null));
        assertTrue(FakeWechat.textsTo(me).isEmpty());
    }

    @Test
    void anImageIsFetchedIntoAnAttachmentOfTheMessage() {
        String me = openid();
        String image = JSON.createObjectNode().put("FromUserName", me).put("CreateTime", now()).put("MsgType", "image")
                .put("PicUrl", "http://mmbiz.example/pic").put("MediaId", FakeWechat.MEDIA_ID).put("MsgId", 1000008L).toString();
        push(image, "application/json").then().statusCode(200).body(equalTo("success"));
        await("the conversation", () -> QuarkusTransaction.requiringNew().call(() -> WechatConversation.count("openid", me) > 0));
        String id = conversationOf(me);
        await("the image message", () -> Transcript.forStaff(id).contains("\"attachments\":[\"AT"));
        String attachment = Transcript.forStaff(id).replaceAll("(?s).*\"attachments\":\\[\"(AT[0-9a-f]+)\".*", "$1");
        byte[] stored = given().auth().oauth2(Tokens.of("supervisor", "SUP1")).get("/api/attachments/" + attachment).then()
                .statusCode(200).extract().asByteArray();
        assertTrue(stored.length > 0);
    }

    @Test
    void aMiniProgramPageCardNamesItsOrderAndTheEntryEventSendsTheGreeting() {
        String me = openid();
        push(JSON.createObjectNode().put("FromUserName", me).put("CreateTime", now()).put("MsgType", "event")
                .put("Event", "user_enter_tempsession").put("SessionFrom", "goods-123").toString(), "application/json").then()
                .statusCode(200);
        assertFalse(awaitTexts(me, 1).get(0).isBlank());
        assertEquals("goods-123", QuarkusTransaction.requiringNew().call(() -> WechatUser.<WechatUser> findById(me).sessionFrom));
        push(JSON.createObjectNode().put("FromUserName", me).put("CreateTime", now()).put("MsgType", "miniprogrampage")
                .put("Title", "丹东草莓 500g").put("AppId", FakeWechat.APP_ID).put("PagePath", "pages/order/detail?orderId=D-WX-77&from=card")
                .put("ThumbMediaId", "thumb").put("MsgId", 1000009L).toString(), "application/json").then().statusCode(200);
        await("the card message", () -> Transcript.forStaff(conversationOf(me)).contains("订单 D-WX-77 丹东草莓 500g"));
        awaitTexts(me, 2); // its answer, sent before the next test scripts WeChat's errors
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheReplyStillGoesOut() {
        String me = openid();
        push(text(me, "1000010", "草莓怎么保存"), "application/json").then().statusCode(200);
        awaitTexts(me, 1);
        String old = FakeWechat.currentToken();
        int issued = FakeWechat.TOKENS_ISSUED.get();
        FakeWechat.EXPIRED.add(old); // WeChat expired it early
        push(text(me, "1000011", "冰箱不制冷怎么办"), "application/json").then().statusCode(200);
        List<String> sent = awaitTexts(me, 2);
        assertTrue(sent.get(1).contains("冰箱"), sent.toString());
        assertEquals(issued + 1, FakeWechat.TOKENS_ISSUED.get(), "one refresh");
        assertEquals(FakeWechat.currentToken(), FakeWechat.SENT.get(FakeWechat.SENT.size() - 1).path("_token").asText());
    }

    @Test
    void repliesRefusedForTheWindowOrQuotaWaitForTheNextMessageAndTheAgentSeesWhy() {
        String me = openid();
        FakeWechat.SEND_ERRORS.add(WechatApi.WINDOW_CLOSED);
        push(text(me, "1000012", "草莓怎么保存"), "application/json").then().statusCode(200);
        await("the conversation", () -> QuarkusTransaction.requiringNew().call(() -> WechatConversation.count("openid", me) > 0));
        String id = conversationOf(me);
        await("the hold", () -> "window_closed".equals(status(id).path("held").asText(null)));
        JsonNode held = status(id);
        assertEquals(1, held.get("queuedReplies").asInt(), held.toString());
        assertFalse(held.get("windowOpen").asBoolean(), "WeChat said the window is closed: " + held);
        assertEquals(0, held.get("remainingMessages").asInt(), held.toString());
        assertTrue(Transcript.forStaff(id).contains("回复窗口已关闭"), "the agents are told in a note");
        assertTrue(FakeWechat.textsTo(me).isEmpty());

        FakeWechat.SEND_ERRORS.add(0);
        FakeWechat.SEND_ERRORS.add(WechatApi.OVER_QUOTA);
        push(text(me, "1000013", "冰箱不制冷怎么办"), "application/json").then().statusCode(200);
        List<String> sent = awaitTexts(me, 1);
        assertTrue(sent.get(0).contains("草莓"), "the queued reply goes first: " + sent);
        await("the quota hold", () -> "quota".equals(status(id).path("held").asText(null)));
        JsonNode quota = status(id);
        assertEquals(0, quota.get("remainingMessages").asInt(), quota.toString());
        assertTrue(quota.get("windowOpen").asBoolean());
        assertNotNull(quota.get("windowEndsAt").asText(null));
        assertEquals(1, quota.get("queuedReplies").asInt());

        push(text(me, "1000014", "谢谢"), "application/json").then().statusCode(200);
        List<String> all = awaitTexts(me, 3);
        assertTrue(all.get(1).contains("冰箱"), all.toString());
        await("the hold lifted", () -> status(id).path("held").isNull());
    }

    @Test
    void anAgentSeesTheQuotaRunOutAndTheSixthReplyWaits() {
        String me = openid();
        push(text(me, "1000015", "转人工"), "application/json").then().statusCode(200);
        await("the handoff", () -> QuarkusTransaction.requiringNew().call(() -> WechatConversation.count("openid", me) > 0));
        String id = conversationOf(me);
        awaitTexts(me, 1);
        await("the handoff's replies sent", () -> status(id).get("queuedReplies").asInt() == 0);
        int before = FakeWechat.textsTo(me).size();
        String agent = Tokens.of("agent", "AG-" + me);
        given().auth().oauth2(agent).post("/api/agent/conversations/" + id + "/claim").then().statusCode(200);
        int left = status(id).get("remainingMessages").asInt();
        assertEquals(5 - before, left);
        for (int i = 1; i <= left + 1; i++) {
            given().auth().oauth2(agent).contentType("application/json").body("{\"text\":\"第" + i + "条回复\"}")
                    .post("/api/agent/conversations/" + id + "/messages").then().statusCode(202);
        }
        await("the quota used", () -> FakeWechat.textsTo(me).size() == 5);
        await("the held reply", () -> "quota".equals(status(id).path("held").asText(null)));
        assertEquals(1, status(id).get("queuedReplies").asInt());
        assertEquals(5, FakeWechat.textsTo(me).size(), "WeChat is never asked for a sixth");
    }

    @Test
    void theWechatStatusIsForStaffWhoMayOpenTheConversation() {
        String me = openid();
        push(text(me, "1000016", "草莓怎么保存"), "application/json").then().statusCode(200);
        awaitTexts(me, 1);
        String id = conversationOf(me);
        given().auth().oauth2(Tokens.of("agent", "AG-OTHER")).get("/api/agent/conversations/" + id + "/wechat").then().statusCode(403);
        given().auth().oauth2(Tokens.shopper("wx-" + me)).get("/api/agent/conversations/" + id + "/wechat").then().statusCode(403);
        JsonNode s = status(id);
        assertTrue(s.get("windowOpen").asBoolean());
        assertEquals(4, s.get("remainingMessages").asInt());
        assertNull(s.get("held").textValue());
    }

    @Test
    void aWechatComplaintBecomesAnAfterSalesCaseAndTheAgentsReplyGoesOutThroughTheSendApi() {
        String me = openid();
        String customer = Ws.uniqueCustomer("WXC");
        given().auth().oauth2(Tokens.of("admin", "ADM")).contentType("application/json").body("{\"customerId\":\"" + customer + "\"}")
                .put("/api/admin/wechat/users/" + me).then().statusCode(200).body("customerId", equalTo(customer));
        Shop.order("O-" + customer, customer, "fresh", OffsetDateTime.now().minusHours(6), Shop.item("CRAB", "阳澄湖大闸蟹 8只装", 1, "268.00", false));

        push(text(me, "1000017", "买的大闸蟹送到全死了，我要退款"), "application/json").then().statusCode(200);
        assertTrue(awaitTexts(me, 1).get(0).contains("照片"), FakeWechat.textsTo(me).toString());
        push(JSON.createObjectNode().put("FromUserName", me).put("CreateTime", now()).put("MsgType", "image")
                .put("MediaId", FakeWechat.MEDIA_ID).put("MsgId", 1000018L).toString(), "application/json").then().statusCode(200);
        String confirm = awaitTexts(me, 2).get(1);
        assertTrue(confirm.contains("审核") && confirm.contains("回复数字"), confirm);
        String number = confirm.lines().filter(l -> l.endsWith(". 确认提交")).findFirst().orElseThrow(() -> new AssertionError(confirm))
                .substring(0, 1);
        push(text(me, "1000019", number), "application/json").then().statusCode(200); // the numbered choice
        await("the after-sales case", () -> given().auth().oauth2(Tokens.shopper(customer)).get("/api/me/aftersales").then()
                .extract().as(JsonNode[].class).length == 1);
        JsonNode[] cases = given().auth().oauth2(Tokens.shopper(customer)).get("/api/me/aftersales").then().extract().as(JsonNode[].class);
        assertEquals("under_review", cases[0].get("status").asText());
        assertEquals(1, cases[0].get("evidence").size(), "the WeChat photo is the evidence");

        String id = conversationOf(me);
        String agent = Tokens.of("agent", "AG-" + customer);
        await("the conversation in the queue", () -> given().auth().oauth2(agent).get("/api/agent/queue?limit=200").asString().contains(id));
        FakeWechat.TYPING.clear();
        given().auth().oauth2(agent).post("/api/agent/conversations/" + id + "/claim").then().statusCode(200);
        await("typing while the agent answers", () -> FakeWechat.TYPING.stream().anyMatch(t -> me.equals(t.path("touser").asText())));
        given().auth().oauth2(agent).contentType("application/json").body("{\"text\":\"您好，大闸蟹的退款已提交审核，今天内处理。\"}")
                .post("/api/agent/conversations/" + id + "/messages").then().statusCode(202);
        await("the agent's reply on WeChat", () -> FakeWechat.textsTo(me).contains("您好，大闸蟹的退款已提交审核，今天内处理。"));
    }

    /** The WeChat user asks for a person, an agent claims and resolves, and the rating request is sent: its conversation. */
    private String resolvedByAnAgent(String me, String msgId) {
        push(text(me, msgId, "转人工"), "application/json").then().statusCode(200);
        await("the conversation", () -> QuarkusTransaction.requiringNew().call(() -> WechatConversation.count("openid", me) > 0));
        String id = conversationOf(me);
        String agent = Tokens.of("agent", "AG-" + me);
        await("the conversation in the queue", () -> given().auth().oauth2(agent).get("/api/agent/queue?limit=200").asString().contains(id));
        given().auth().oauth2(agent).post("/api/agent/conversations/" + id + "/claim").then().statusCode(200);
        given().auth().oauth2(agent).post("/api/agent/conversations/" + id + "/resolve").then().statusCode(200);
        await("the request for a rating", () -> FakeWechat.textsTo(me).stream().anyMatch(t -> t.contains("打个分")));
        return id;
    }

    @Test
    void aScoreTypedAfterTheAgentResolvedIsTheRatingAsOnTheChatPage() {
        String me = openid();
        String id = resolvedByAnAgent(me, "1000021");
        String ask = FakeWechat.textsTo(me).stream().filter(t -> t.contains("打个分")).findFirst().orElseThrow();
        assertTrue(ask.endsWith("回复分数即可：\n5\n4\n3\n2\n1"), "scores to type, not numbered choices: " + ask);

        push(text(me, "1000022", "５分"), "application/json").then().statusCode(200);
        await("the thanks", () -> FakeWechat.textsTo(me).stream().anyMatch(t -> t.contains("感谢您的评价")));
        assertEquals(5, given().auth().oauth2(Tokens.of("admin", "ADM")).get("/api/agent/conversations/" + id).then().statusCode(200)
                .extract().jsonPath().getInt("rating"));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> WechatConversation.count("openid", me)),
                "no new conversation for the score");
    }

    @Test
    void aScoreTypedDaysAfterTheResolutionIsAMessageNotARating() {
        String me = openid();
        String id = resolvedByAnAgent(me, "1000031");
        QuarkusTransaction.requiringNew().run(() -> Conversation.update("resolvedAt = ?1 where id = ?2",
                OffsetDateTime.now().minusHours(49), id));

        push(text(me, "1000032", "4"), "application/json").then().statusCode(200);
        await("a second conversation for the message", () -> QuarkusTransaction.requiringNew().call(() -> WechatConversation.count("openid", me)) == 2L);
        assertNull(given().auth().oauth2(Tokens.of("admin", "ADM")).get("/api/agent/conversations/" + id).then().statusCode(200)
                .extract().jsonPath().get("rating"), "three days on, a 4 answers nothing it was asked");
    }

    @Test
    void aFollowUpIsAnsweredOnWechatByTypingTheScore() {
        String me = openid();
        String customer = Ws.uniqueCustomer("WXF");
        given().auth().oauth2(Tokens.of("admin", "ADM")).contentType("application/json").body("{\"customerId\":\"" + customer + "\"}")
                .put("/api/admin/wechat/users/" + me).then().statusCode(200);
        String order = "O-" + customer;
        Shop.order(order, customer, "fresh", OffsetDateTime.now().minusHours(3), Shop.item("F-STRAW", "丹东99草莓 500g", 2, "19.90", false));
        push(text(me, "1000023", "你好"), "application/json").then().statusCode(200);
        awaitTexts(me, 1);
        String oms = Tokens.of("order_system", "OMS");
        given().auth().oauth2(oms).contentType("application/json").body("{\"eventId\":\"ev-wx-x-" + customer + "\",\"type\":\"delivery_exception\","
                + "\"orderId\":\"" + order + "\",\"customerId\":\"" + customer + "\",\"exception\":\"cold_chain_broken\"}")
                .post("/api/events").then().statusCode(202);
        assertTrue(awaitTexts(me, 2).get(1).contains("1. 直接退款"), FakeWechat.textsTo(me).toString());
        push(text(me, "1000024", "1"), "application/json").then().statusCode(200); // 直接退款
        assertTrue(awaitTexts(me, 3).get(2).contains("1. 确认退款"), FakeWechat.textsTo(me).toString());
        push(text(me, "1000025", "1"), "application/json").then().statusCode(200); // 确认退款
        awaitTexts(me, 4);
        String kase = given().auth().oauth2(Tokens.shopper(customer)).get("/api/me/aftersales").then().statusCode(200)
                .extract().jsonPath().getString("[0].id");
        given().auth().oauth2(oms).contentType("application/json").body("{\"eventId\":\"ev-wx-r-" + customer + "\",\"type\":\"case_updated\","
                + "\"orderId\":\"" + order + "\",\"customerId\":\"" + customer + "\",\"aftersalesId\":\"" + kase + "\",\"status\":\"refunded\"}")
                .post("/api/events").then().statusCode(202);
        awaitTexts(me, 5);

        followUps.sweep(LocalDate.now(SHANGHAI).plusDays(2).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime());
        String ask = awaitTexts(me, 6).get(5);
        assertTrue(ask.contains(kase) && ask.endsWith("回复分数即可：\n5 非常满意\n4 满意\n3 一般\n2 不满意\n1 非常不满意"), ask);
        push(text(me, "1000026", "5"), "application/json").then().statusCode(200); // the score, not the fifth choice
        String thanks = awaitTexts(me, 7).get(6);
        assertTrue(thanks.contains("感谢您的评价"), thanks);
        JsonNode events = given().auth().oauth2(Tokens.of("supervisor", "SUP1")).get("/api/agent/conversations/" + conversationOf(me))
                .then().statusCode(200).extract().as(JsonNode.class).get("events");
        int score = -1;
        for (JsonNode e : events) {
            if ("rating".equals(e.path("type").asText())) {
                score = e.get("score").asInt();
            }
        }
        assertEquals(5, score, events.toString());
    }
}

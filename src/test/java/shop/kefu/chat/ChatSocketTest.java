package shop.kefu.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import shop.kefu.conversation.ChatEvent;
import shop.kefu.conversation.Conversation;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

@QuarkusTest
class ChatSocketTest {

    @TestHTTPResource("/")
    URI base;

    private ChatClient connect(String customerId) {
        return ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(customerId));
    }

    @Test
    void greetsThenAcknowledgesAndAnswersAMessage() {
        try (ChatClient c = connect(Ws.uniqueCustomer("C"))) {
            JsonNode session = c.next("session");
            String conversationId = session.get("conversationId").asText();
            JsonNode greeting = c.next();
            assertEquals("reply", greeting.get("type").asText());
            assertEquals(1, greeting.get("seq").asLong());
            assertEquals("bot", greeting.get("from").asText());
            assertFalse(greeting.get("quickReplies").isEmpty(), "the greeting offers topics");

            c.message("m-1", "你好");
            JsonNode ack = c.next();
            assertEquals("ack", ack.get("type").asText());
            assertEquals("m-1", ack.get("id").asText());
            assertEquals(conversationId, ack.get("conversationId").asText());
            assertEquals(2, ack.get("seq").asLong());

            JsonNode reply = c.next("reply");
            assertEquals(3, reply.get("seq").asLong());
            assertEquals("bot", reply.get("from").asText());
            assertFalse(reply.get("text").asText().isBlank());
            assertTrue(reply.get("confidence").asDouble() >= 0 && reply.get("confidence").asDouble() <= 1);
        }
    }

    @Test
    void theSameClientIdIsStoredAndAnsweredOnce() {
        String customer = Ws.uniqueCustomer("C");
        try (ChatClient c = connect(customer)) {
            c.next("reply"); // greeting
            c.message("dup-1", "草莓怎么保存");
            long seq = c.next("ack").get("seq").asLong();
            c.message("dup-1", "草莓怎么保存");
            JsonNode again = c.next("ack");
            assertEquals(seq, again.get("seq").asLong(), "a resend is acknowledged with the original seq");
            List<JsonNode> rest = c.drain(Duration.ofMillis(1500));
            long stored = Conversation.<Conversation>find("customerId", customer).firstResultOptional()
                    .map(conv -> ChatEvent.count("conversationId = ?1 and type = 'message'", conv.id)).orElse(0L);
            assertEquals(1, stored, "the message is stored once");
            long botReplies = c.received.stream().filter(n -> "reply".equals(n.path("type").asText()) && n.get("seq").asLong() > seq).count();
            assertEquals(1, botReplies, "answered once, frames: " + c.received + rest);
        }
    }

    @Test
    void theSameIdSentAtOnceFromTwoConnectionsIsStoredOnceAndBothAreAcknowledged() {
        String customer = Ws.uniqueCustomer("C");
        try (ChatClient phone = connect(customer); ChatClient tablet = connect(customer)) {
            phone.next("reply");
            tablet.next("reply");
            for (int k = 0; k < 10; k++) {
                String id = "race-" + k;
                phone.message(id, "草莓怎么保存");
                tablet.message(id, "草莓怎么保存");
                long a = phone.next(f -> "ack".equals(f.path("type").asText()) && id.equals(f.path("id").asText())).get("seq").asLong();
                long b = tablet.next(f -> "ack".equals(f.path("type").asText()) && id.equals(f.path("id").asText())).get("seq").asLong();
                assertEquals(a, b, "both connections are told the one seq of " + id);
            }
            phone.drain(Duration.ofMillis(1500));
            String conversation = Conversation.<Conversation>find("customerId", customer).firstResult().id;
            assertEquals(10, ChatEvent.count("conversationId = ?1 and type = 'message'", conversation), "each id stored once");
            assertEquals(11, ChatEvent.count("conversationId = ?1 and type = 'reply'", conversation), "the greeting and one answer per id");
        }
    }

    @Test
    void resumeAfterADroppedConnectionLosesAndDuplicatesNothing() {
        String customer = Ws.uniqueCustomer("C");
        String conversationId;
        long seenUpTo;
        try (ChatClient first = connect(customer)) {
            conversationId = first.next("session").get("conversationId").asText();
            first.next("reply");
            first.message("r-1", "你好");
            first.next("ack");
            seenUpTo = first.next("reply").get("seq").asLong();
        }
        // While the first device is gone, a second one keeps talking.
        try (ChatClient second = connect(customer)) {
            second.next("session");
            second.message("r-2", "在吗");
            second.next("ack");
            second.drain(Duration.ofMillis(800));
        }
        try (ChatClient back = connect(customer)) {
            JsonNode session = back.next("session");
            assertEquals(conversationId, session.get("conversationId").asText());
            long last = session.get("lastSeq").asLong();
            back.send("{\"type\":\"resume\",\"conversationId\":\"" + conversationId + "\",\"afterSeq\":" + seenUpTo + "}");
            List<Long> seqs = new ArrayList<>();
            while (seqs.isEmpty() || seqs.get(seqs.size() - 1) < last) {
                JsonNode n = back.next();
                seqs.add(n.get("seq").asLong());
            }
            List<Long> expected = new ArrayList<>();
            for (long s = seenUpTo + 1; s <= last; s++) {
                expected.add(s);
            }
            assertEquals(expected, seqs, "every missed event once, in order");
            assertTrue(back.received.stream().anyMatch(n -> "message".equals(n.path("type").asText())
                    && "在吗".equals(n.path("text").asText())), "the other device's message is replayed");
            assertTrue(back.drain(Duration.ofMillis(500)).isEmpty(), "nothing is sent twice");
        }
    }

    @Test
    void twoShoppersNeverSeeEachOthersEvents() {
        String alice = Ws.uniqueCustomer("A");
        String bob = Ws.uniqueCustomer("B");
        try (ChatClient a = connect(alice); ChatClient b = connect(bob)) {
            String aliceConversation = a.next("session").get("conversationId").asText();
            b.next("session");
            b.next("reply");
            a.message("a-1", "我的订单地址是北京市朝阳区");
            a.next("ack");
            a.next("reply");
            assertTrue(b.drain(Duration.ofMillis(800)).isEmpty(), "bob receives nothing of alice's");

            b.send("{\"type\":\"resume\",\"conversationId\":\"" + aliceConversation + "\",\"afterSeq\":0}");
            JsonNode error = b.next();
            assertEquals("error", error.get("type").asText());
            assertEquals("not_found", error.get("code").asText());
            assertFalse(b.received.toString().contains("朝阳区"));
        }
    }

    @Test
    void badInputGetsAClearErrorAndTheConnectionStaysUsable() {
        try (ChatClient c = connect(Ws.uniqueCustomer("C"))) {
            c.next("reply");
            assertError(c, "{not json", "invalid_json");
            assertError(c, "[1,2]", "invalid_json");
            assertError(c, "{\"type\":\"dance\"}", "unknown_type");
            assertError(c, "{\"text\":\"你好\"}", "missing_field");
            assertError(c, "{\"type\":\"message\",\"text\":\"你好\"}", "missing_field");
            assertError(c, "{\"type\":\"message\",\"id\":\"x\"}", "missing_field");
            assertError(c, "{\"type\":\"message\",\"id\":\"x\",\"text\":\"   \"}", "empty_text");
            assertError(c, "{\"type\":\"message\",\"id\":\"x\",\"text\":\"" + "长".repeat(2001) + "\"}", "text_too_long");
            assertError(c, "{\"type\":\"message\",\"id\":\"x\",\"text\":\"hi\",\"attachments\":\"a\"}", "invalid_field");
            assertError(c, "{\"type\":\"resume\",\"conversationId\":\"nope\",\"afterSeq\":0}", "not_found");
            assertError(c, "{\"type\":\"resume\",\"conversationId\":\"nope\",\"afterSeq\":-3}", "invalid_field");
            assertError(c, "{\"type\":\"rate\",\"score\":9}", "invalid_score");

            c.message("ok-1", "长".repeat(2000));
            assertEquals("ok-1", c.next("ack").get("id").asText(), "a 2000-character message is fine");
            assertFalse(c.isClosedByServer());
        }
    }

    private static void assertError(ChatClient c, String frame, String code) {
        c.send(frame);
        JsonNode n = c.next();
        assertEquals("error", n.get("type").asText(), "for " + frame);
        assertEquals(code, n.get("code").asText(), "for " + frame);
        assertFalse(n.get("message").asText().isBlank());
    }

    @Test
    void aRatingBeforeTheServiceHasEndedIsRefusedAndNotStored() {
        String customer = Ws.uniqueCustomer("C");
        try (ChatClient c = connect(customer)) {
            String conversationId = c.next("session").get("conversationId").asText();
            c.next("reply"); // greeting
            assertError(c, "{\"type\":\"rate\",\"score\":5,\"comment\":\"很快\"}", "not_rateable");
            Conversation stored = Conversation.findById(conversationId);
            assertNull(stored.rating, "nothing is stored");
        }
    }

    @Test
    void browsersPassATicketAsAQueryParameter() {
        String ticket = Tokens.ticket(Tokens.shopper(Ws.uniqueCustomer("Q")));
        try (ChatClient c = ChatClient.connectWithQuery(Ws.ws(base), "/ws/chat", "ticket=" + ticket)) {
            assertEquals("session", c.next().get("type").asText());
        }
    }

    @Test
    void theUpgradeRequiresAValidShopperToken() {
        URI ws = Ws.ws(base);
        assertEquals(401, ChatClient.upgradeStatus(ws, "/ws/chat", null));
        assertEquals(401, ChatClient.upgradeStatus(ws, "/ws/chat", "not-a-jwt"));
        String token = Tokens.shopper("C1001");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertEquals(401, ChatClient.upgradeStatus(ws, "/ws/chat", tampered));
        assertEquals(401, ChatClient.upgradeStatus(ws, "/ws/chat", TestTokens.expiredShopper("C1001")));
        assertEquals(403, ChatClient.upgradeStatus(ws, "/ws/chat", Tokens.agent("A1")));
    }

    @Test
    void aFloodingClientIsRateLimitedAndOthersAreUnaffected() {
        try (ChatClient flood = connect(Ws.uniqueCustomer("F")); ChatClient calm = connect(Ws.uniqueCustomer("F"))) {
            flood.next("reply");
            calm.next("reply");
            for (int i = 0; i < 40; i++) {
                flood.send("{\"type\":\"rate\",\"score\":9}");
            }
            List<JsonNode> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(flood.next("error"));
            }
            long limited = answers.stream().filter(n -> "rate_limited".equals(n.get("code").asText())).count();
            assertTrue(limited >= 10, "a flood is refused with a clear error: " + limited);
            calm.message("c-1", "草莓怎么保存");
            assertEquals("c-1", calm.next("ack").get("id").asText(), "another shopper is not affected");
            assertFalse(flood.isClosedByServer(), "the flooding connection stays open");
        }
    }
}

package shop.kefu.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/** The bot answering from the knowledge base over a real WebSocket, in Chinese. */
@QuarkusTest
class KnowledgeChatTest {

    @TestHTTPResource("/")
    URI base;

    private ChatClient shopper() {
        ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(Ws.uniqueCustomer("K")));
        c.next("reply"); // greeting
        return c;
    }

    private static JsonNode ask(ChatClient c, String text) {
        c.message("q-" + System.nanoTime(), text);
        c.next("ack");
        return c.next("reply");
    }

    @Test
    void answersAStorageQuestionCitingItsArticle() {
        try (ChatClient c = shopper()) {
            JsonNode reply = ask(c, "草莓怎么保存");
            assertEquals("fresh-strawberry-storage", reply.at("/citations/0/articleId").asText(), reply.toString());
            assertTrue(reply.get("confidence").asDouble() >= 0.75);
            assertTrue(reply.get("text").asText().contains("冷藏"));
        }
    }

    @Test
    void understandsColloquialQuestions() {
        try (ChatClient c = shopper()) {
            assertEquals("fresh-live-crab", ask(c, "螃蟹到了不动了").at("/citations/0/articleId").asText());
            assertEquals("general-refund-time", ask(c, "钱啥时候能退给我").at("/citations/0/articleId").asText());
        }
    }

    /** Typed with punctuation, addressed as 亲, with an emoji: a question is answered as written, the same article as surely. */
    @Test
    void howAQuestionIsTypedChangesNoAnswer() {
        try (ChatClient c = shopper()) {
            JsonNode written = ask(c, "草莓买多了 吃不完咋办");
            for (String typed : new String[] { "草莓买多了，吃不完咋办？", "亲，草莓买多了吃不完咋办😭" }) {
                JsonNode reply = ask(c, typed);
                assertEquals("fresh-strawberry-storage", reply.at("/citations/0/articleId").asText(), reply.toString());
                assertEquals(written.get("confidence").asDouble(), reply.get("confidence").asDouble(), 1e-6, typed);
                assertEquals(written.get("text").asText(), reply.get("text").asText());
            }
        }
    }

    /** Cantonese grammar words (咗, 啲, 点样, 点解, 嚟) are read as Mandarin (dialect.txt); without that these were asked about or handed off. */
    @Test
    void understandsQuestionsInCantonese() {
        try (ChatClient c = shopper()) {
            assertEquals("fresh-strawberry-storage", ask(c, "啲草莓收到咗 点样保存先唔会烂").at("/citations/0/articleId").asText());
            assertEquals("fresh-banana-storage", ask(c, "啲香蕉点解咁快黑咗").at("/citations/0/articleId").asText());
            assertEquals("appliance-installation", ask(c, "买咗个电视 几时嚟装").at("/citations/0/articleId").asText());
        }
    }

    /**
     * Shoppers in Hong Kong, Macau and Taiwan type traditional characters, read as simplified ones ({@link Script}):
     * without that the shrimp question was asked about, the chicken one answered with the pork and beef article,
     * and the other two asked about.
     */
    @Test
    void understandsQuestionsInTraditionalCharacters() {
        String[][] cases = { { "請問蝦子收到後要怎麼保存", "fresh-shrimp-storage" }, { "雞肉冷凍可以放多久", "fresh-chicken-storage" },
                { "會員積分點樣用", "general-membership" }, { "發票要去哪裡開", "general-invoice" } };
        for (String[] q : cases) {
            try (ChatClient c = shopper()) {
                assertEquals(q[1], ask(c, q[0]).at("/citations/0/articleId").asText(), q[0]);
            }
        }
    }

    /** A product named in English is read as its Chinese name (dialect.txt); without that these got another fruit's article. */
    @Test
    void understandsProductsNamedInEnglish() {
        try (ChatClient c = shopper()) {
            assertEquals("fresh-berries-storage", ask(c, "blueberry能放几天").at("/citations/0/articleId").asText());
        }
        try (ChatClient c = shopper()) {
            assertEquals("fresh-milk-dairy", ask(c, "Yogurt放冰箱能放多久").at("/citations/0/articleId").asText());
        }
    }

    @Test
    void aSpoiledFreshGoodsAnswerOffersARefund() {
        try (ChatClient c = shopper()) {
            JsonNode reply = ask(c, "收到的水果烂了怎么办");
            assertEquals("fresh", reply.at("/citations/0/articleId").asText().split("-")[0]);
            assertTrue(reply.get("text").asText().contains("需要我帮您申请退款"), reply.toString());
            assertTrue(reply.get("quickReplies").toString().contains("申请退款"));
        }
    }

    @Test
    void anUnclearQuestionGetsCandidatesThenAHuman() {
        try (ChatClient c = shopper()) {
            JsonNode first = ask(c, "那个东西怎么弄");
            if (first.get("citations").isEmpty() && first.get("quickReplies").size() > 0) {
                assertTrue(first.get("confidence").asDouble() < 0.75);
                JsonNode second = ask(c, "就是那个怎么搞");
                assertTrue(second.get("citations").isEmpty());
            }
            JsonNode handoff = c.next("handoff");
            assertEquals("low_confidence", handoff.get("reason").asText());
            assertTrue(handoff.get("queuePosition").asInt() >= 1);
        }
    }

    @Test
    void somethingTheKnowledgeBaseDoesNotCoverIsNotAnsweredConfidently() {
        try (ChatClient c = shopper()) {
            JsonNode reply = ask(c, "你们卖不卖手机");
            assertTrue(reply.get("citations").isEmpty(), reply.toString());
            assertTrue(reply.get("confidence").asDouble() < 0.65, reply.toString()); // kefu.kb.answer-threshold
        }
    }

    @Test
    void askingForAHumanHandsOff() {
        try (ChatClient c = shopper()) {
            JsonNode reply = ask(c, "转人工");
            assertFalse(reply.get("text").asText().isBlank());
            assertEquals("requested", c.next("handoff").get("reason").asText());
        }
    }
}

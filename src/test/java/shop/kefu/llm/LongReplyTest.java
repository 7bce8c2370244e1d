package shop.kefu.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import shop.kefu.conversation.ServerEvent;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/**
 * A model that runs away (issue 15, defect 3): a reply longer than the log's text column is cut to
 * {@link ServerEvent.Reply#MAX_TEXT}, stored and delivered, instead of failing the turn in the database.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeOpenAi.class, restrictToAnnotatedClass = true)
class LongReplyTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aRunawayModelReplyIsCutNotLost() {
        FakeOpenAi.reset();
        FakeOpenAi.thenSay("草莓请冷藏保存。".repeat(2000)); // 16,000 characters
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(Ws.uniqueCustomer("LR")))) {
            c.next("reply");
            JsonNode reply = c.say("草莓怎么保存");
            String text = reply.get("text").asText();
            assertEquals(ServerEvent.Reply.MAX_TEXT, text.length(), "cut to the cap");
            assertTrue(text.startsWith("草莓请冷藏保存。") && text.endsWith("…"), text.substring(text.length() - 20));
        }
    }
}

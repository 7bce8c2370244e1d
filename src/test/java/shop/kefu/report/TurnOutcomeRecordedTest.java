package shop.kefu.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import shop.kefu.support.ChatClient;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/**
 * The turn shares count what shoppers saw on the live service: every reply that asked which topic was
 * meant as a clarification, every other bot answer as an answer, every handoff as a handoff (stored on the
 * JDBC path of TurnStore and the JPA path of EventLog), and the questions behind the clarifications show
 * up among the unanswered ones. With no outcome stored (the code before V15) the counts stay at zero.
 */
@QuarkusTest
class TurnOutcomeRecordedTest {

    private static final String CLARIFY_TEXT = "我不太确定您想问的是哪一个";

    @TestHTTPResource("/")
    URI base;

    @Test
    void theReportCountsTheRepliesShoppersGot() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonPath before = ServiceReportTest.report(today, today);
        int answers = 0;
        int clarifications = 0;
        int handoffs = 0;
        List<String> questions = List.of("草莓怎么保存", "冰箱不制冷怎么办", "苹果皮上亮晶晶的是打了腊吗要不要削皮吃",
                "你家黄油是动物黄油还是植物的 做蛋糕用哪个", "买的整鸡是散养的还是饲料鸡啊", "鲈鱼能不能帮我杀好刮好鳞再发货", "转人工");
        StringBuilder seen = new StringBuilder();
        for (String q : questions) { // one shopper each, so no conversation piles up failed turns
            try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(Ws.uniqueCustomer("RPT")))) {
                c.next("reply"); // greeting
                JsonNode reply = c.say(q);
                seen.append(q).append(" -> ").append(reply.get("text").asText(), 0, Math.min(20, reply.get("text").asText().length()))
                        .append('\n');
                JsonNode after = c.poll(Duration.ofMillis(500));
                if (after != null && "handoff".equals(after.path("type").asText())) {
                    handoffs++;
                } else if (reply.get("text").asText().startsWith(CLARIFY_TEXT)) {
                    clarifications++;
                } else {
                    answers++;
                }
            }
        }
        assertTrue(answers > 0 && clarifications > 0 && handoffs > 0, "the questions should give every kind of reply:\n" + seen);
        JsonPath after = ServiceReportTest.report(today, today);
        assertEquals(answers, after.getInt("turns.answer.count") - before.getInt("turns.answer.count"), seen.toString());
        assertEquals(clarifications, after.getInt("turns.clarify.count") - before.getInt("turns.clarify.count"), seen.toString());
        assertEquals(handoffs, after.getInt("turns.handoff.count") - before.getInt("turns.handoff.count"), seen.toString());
        assertEquals(questions.size(), after.getInt("conversations.total") - before.getInt("conversations.total"));
        assertTrue(after.getInt("unanswered.questions") - before.getInt("unanswered.questions") >= clarifications, seen.toString());
    }
}

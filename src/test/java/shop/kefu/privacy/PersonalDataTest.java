package shop.kefu.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Tokens;
import shop.kefu.support.Transcript;
import shop.kefu.support.Ws;

/**
 * Personal data in the embedded engine's mode (the LLM mode's case is in LlmModeTest): what a shopper
 * sends is masked before it is stored, so the transcript staff read and the shopper's own resume show
 * only the marker, and the shopper is told the number is not needed.
 */
@QuarkusTest
class PersonalDataTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void idAndBankCardNumbersAreMaskedBeforeAnythingStoresOrShowsThem() {
        String me = Ws.uniqueCustomer("PD");
        String conversation;
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(me))) {
            c.next("reply"); // greeting
            c.message("pd-1", "我的身份证号是11010519491231002X，退款到卡号6222021234567891233，验证码是834512");
            conversation = c.next("ack").get("conversationId").asText();
            JsonNode reply = c.next("reply");
            assertTrue(reply.get("text").asText().contains("请不要在聊天中发送身份证号"), reply.toString());
        }
        String masked = "我的身份证号是[身份证号已隐藏]，退款到卡号[银行卡号已隐藏]，验证码是[已隐藏]";
        for (String seen : List.of(Transcript.forStaff(conversation), Transcript.resumed(base, me, conversation))) {
            assertTrue(seen.contains(masked), seen);
            assertFalse(seen.contains("11010519491231002X") || seen.contains("6222021234567891233") || seen.contains("834512"), seen);
        }
    }

    @Test
    void aRatingCommentIsMaskedBeforeAgentsSeeIt() {
        String me = Ws.uniqueCustomer("PR");
        String agent = Tokens.agent("A-" + me);
        String conversation;
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(me))) {
            c.next("reply"); // greeting
            c.message("pr-1", "转人工");
            conversation = c.next("ack").get("conversationId").asText();
            c.next("handoff");
            given().auth().oauth2(agent).post("/api/agent/conversations/" + conversation + "/claim").then().statusCode(200);
            given().auth().oauth2(agent).post("/api/agent/conversations/" + conversation + "/resolve").then().statusCode(200);
            c.next("agent_left");
            c.send("{\"type\":\"rate\",\"score\":2,\"comment\":\"钱退到我银行卡6222021234567891233吧\"}");
            assertEquals("钱退到我银行卡[银行卡号已隐藏]吧", c.next("rating").get("comment").asText());
        }
        String seen = Transcript.forStaff(conversation);
        assertTrue(seen.contains("\"ratingComment\":\"钱退到我银行卡[银行卡号已隐藏]吧\""), seen);
        assertFalse(seen.contains("6222021234567891233"), seen);
    }

    @Test
    void orderNumbersAndOrdinaryDigitsAreLeftAlone() {
        assertEquals("订单号 110105194912310021 的冰箱坏了", PersonalData.mask("订单号 110105194912310021 的冰箱坏了"),
                "18 digits with a wrong check digit");
        assertEquals("订单 4000123412341234 到哪了", PersonalData.mask("订单 4000123412341234 到哪了"),
                "a Luhn-valid 16-digit number without card context");
        assertEquals("收不到验证码怎么办", PersonalData.mask("收不到验证码怎么办"));
        assertEquals("密码是[已隐藏]", PersonalData.mask("密码是abc123"));
        assertEquals("密碼係[已隐藏] 驗證碼[已隐藏]", PersonalData.mask("密碼係abc12345 驗證碼483920")); // as Hong Kong types them
        assertFalse(PersonalData.masked("订单 4000123412341234 到哪了"));
    }
}

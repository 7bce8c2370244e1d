package shop.kefu.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Quick replies as WeChat text: numbered choices answered by number, or mini-program links. */
class ReplyTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode reply(String text, String... quick) {
        var n = JSON.createObjectNode().put("type", "reply").put("text", text);
        var q = n.putArray("quickReplies");
        for (String s : quick) {
            q.add(s);
        }
        return n;
    }

    @Test
    void quickRepliesBecomeNumberedChoicesAndTheNumberMeansTheChoice() {
        String text = ReplyText.of(reply("确认提交吗？", "确认提交", "算了"), false, "");
        assertEquals("确认提交吗？\n\n回复数字即可选择：\n1. 确认提交\n2. 算了", text);
        List<String> offered = List.of("确认提交", "算了");
        assertEquals("确认提交", ReplyText.choice(" 1 ", offered));
        assertEquals("算了", ReplyText.choice("2", offered));
        assertEquals("3", ReplyText.choice("3", offered), "no such choice: the text as written");
        assertEquals("12", ReplyText.choice("12", offered));
        assertEquals("1", ReplyText.choice("1", List.of()));
    }

    @Test
    void aRatingsScoresAreTypedNotNumberedSoAFiveIsAFive() {
        String text = ReplyText.of(reply("请打分", "5 非常满意", "4 满意", "3 一般", "2 不满意", "1 非常不满意"), false, "");
        assertEquals("请打分\n\n回复分数即可：\n5 非常满意\n4 满意\n3 一般\n2 不满意\n1 非常不满意", text);
        assertEquals("5", ReplyText.choice("5", List.of("5 非常满意", "4 满意", "3 一般", "2 不满意", "1 非常不满意")));
        assertEquals("1", ReplyText.choice("1", List.of("5", "4", "3", "2", "1")));
        List<String> notScores = List.of("1号能到吗", "3天内能退吗");
        assertEquals("请选择\n\n回复数字即可选择：\n1. 1号能到吗\n2. 3天内能退吗", ReplyText.of(reply("请选择", "1号能到吗", "3天内能退吗"), false, ""));
        assertEquals("3天内能退吗", ReplyText.choice("2", notScores), "choices that merely start with a digit stay numbered");
    }

    @Test
    void asLinksAChoiceOpensTheChatPageAndCannotInjectMarkup() {
        String text = ReplyText.of(reply("请选择", "我要退货", "<b>\"x\"</b>"), true, "pages/chat/chat?q=");
        assertEquals("请选择\n\n<a data-miniprogram-path=\"pages/chat/chat?q=%E6%88%91%E8%A6%81%E9%80%80%E8%B4%A7\">我要退货</a>\n"
                + "<a data-miniprogram-path=\"pages/chat/chat?q=%3Cb%3E%22x%22%3C%2Fb%3E\">&lt;b&gt;&quot;x&quot;&lt;/b&gt;</a>", text);
    }

    @Test
    void aReplyWithoutQuickRepliesIsItsText() {
        assertEquals("您好", ReplyText.of(reply("您好"), false, ""));
    }
}

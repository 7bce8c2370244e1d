package shop.kefu.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the search reads of a question typed around its words (knowledge-base/fillers.txt, QuestionText). */
class FillersTest {

    private static final Fillers FILLERS = Fillers.parse("你好, 亲, 在吗, 客服*, 谢谢, 请问");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "亲，在吗？草莓怎么放 | 草莓怎么放",
            "你好 请问 草莓怎么放 谢谢 | 草莓怎么放",
            "草莓怎么放😭😭 | 草莓怎么放",
            "草莓怎么放哈哈哈 | 草莓怎么放",
            "冰箱买1.8米的还是2米的？ | 冰箱买1.8米的还是2米的",
            // a filler inside a word, or one that is not a part of its own, stays
            "亲戚送的草莓怎么放 | 亲戚送的草莓怎么放",
            "客服电话是多少 | 客服电话是多少",
            "哈密瓜怎么挑 | 哈密瓜怎么挑",
            // a filler marked as one a question may ask about (客服*) is never cut off
            "怎么联系，客服？ | 怎么联系 客服",
            "客服 几点下班 | 客服 几点下班",
            "冷藏2~8℃能放几天 | 冷藏2~8℃能放几天",
            "10:30前下单当天发吗 | 10:30前下单当天发吗",
            // nothing but fillers: all of it
            "你好，在吗 | 你好 在吗",
            "👍 | 👍",
            "哈哈哈 | 哈哈哈" })
    void aQuestionIsReadWithoutWhatIsTypedAroundIt(String typed, String searched) {
        assertEquals(searched, FILLERS.trim(QuestionText.plain(typed)));
    }

    @Test
    void aMarkedFillerIsStillNoAspectOfTheQuestion() {
        boolean[] mask = FILLERS.mask("客服几点下班");
        assertEquals("[true, true, false, false, false, false]", Arrays.toString(mask));
    }

    @Test
    void aFillerMarkedWithAFullWidthStarIsMarkedToo() {
        Fillers typedInChinese = Fillers.parse("亲, 客服＊, ＊");
        assertEquals("怎么联系 客服", typedInChinese.trim("亲 怎么联系 客服"));
        assertEquals(List.of("客服", "亲"), typedInChinese.phrases());
    }
}

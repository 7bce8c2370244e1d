package shop.kefu.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Negation scope, contrast and ignored words, on a small lexicon (no model, no Quarkus). */
class TextTest {

    static final Lexicon LEXICON = new Lexicon(
            Map.of("quality", List.of("质量问题", "坏了", "不制冷", "响"), "no_reason", List.of("不想要", "不喜欢"), "missing", List.of("少", "没收到"),
                    "damaged", List.of("坏", "压得...烂"), "spoiled", List.of("烂")),
            Map.of("return", List.of("退", "退货"), "reship", List.of("补发")), Map.of("usage", Map.of("yes", List.of("没用过"), "no", List.of("用过", "坐过")),
                    "anger", Map.of("anger", List.of("垃圾"))), List.of(), List.of("不是", "不", "没", "没有", "唔"), List.of("就是", "但是", "不过"), List.of("没问题"),
            List.of("多少", "没想到", "可不可以", "能不能", "可唔可以"),
            new Lexicon.Swap(List.of("买的", "点的是"), List.of("送来", "来的")));

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', value = {
            // text | list | positive labels, focus first (space-separated, - for none)
            "不是质量问题，就是不喜欢 | reason | no_reason",
            "冰箱不制冷 | reason | quality",
            "番茄压得稀巴烂 | reason | damaged",
            "番茄烂了 | reason | spoiled",
            "我点的是菠菜 送来的是油麦菜 | reason | wrong_item",
            "买的1.8米的床 来的1.5米 | reason | wrong_item",
            "我买的草莓 送来的是草莓 全烂了 | reason | spoiled",
            "我买的草莓今天送来3盒 烂了一半 | reason | spoiled",
            "不是不制冷 是外机响 | reason | quality",
            "没坏，就是少了个配件 | reason | missing",
            "质量没问题就是不想要 | reason | no_reason",
            "生鲜出问题最晚多少个钟头 | reason | -",
            "订的牛奶没收到 | reason | missing",
            "用了没几天就坏了 | reason | quality",
            "没想到冰箱不制冷 | reason | quality",
            "不退了 | kind | -",
            "退掉算了 | kind | return",
            "还没用过 | usage | yes",
            "已经用过了 | usage | no",
            "不过冰箱坏了 | reason | quality",
            "你们卖不卖手机 | anger | -",
            "什么垃圾服务 | anger | anger",
            // an A-not-A question asks for the thing, it does not refuse it
            "能不能补发一份 | kind | reship",
            "可唔可以补发 | kind | reship",
            "不用补发 | kind | -" })
    void positiveWordsRespectNegationAndContrast(String text, String list, String expected) {
        List<String> said = Text.analyse(text, LEXICON).positive(list);
        assertEquals(expected, said.isEmpty() ? "-" : String.join(" ", said.stream().distinct().toList()));
    }

    /** A used-word negated ("也没坐过") is what {@code Reader} takes as unused when the classifier says nothing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "包装都在 也没坐过 | true", "坐过两次 | false", "没用过 | false" })
    void aNegatedUsedWord(String text, boolean negatedOnly) {
        assertEquals(negatedOnly, Text.analyse(text, LEXICON).negatedOnly("usage", "no"));
    }
}

package shop.kefu.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Negation scope, contrast and ignored words, on a small lexicon (no model, no Quarkus). */
class TextTest {

    static final Lexicon LEXICON = new Lexicon(
            Lexicon.withAbsentParts(Map.of("quality", List.of("质量问题", "坏了", "不制冷", "响", "质量...差"), "no_reason", List.of("不想要", "不喜欢"),
                    "missing", List.of("少", "没收到"), "damaged", List.of("坏", "压得...烂"), "spoiled", List.of("烂", "味道...不对劲")),
                    List.of("没有"), List.of("条"), List.of("遥控器", "进水管")),
            Map.of("return", List.of("退", "退货", "不想要"), "reship", List.of("补发")), Map.of("usage", Map.of("yes", List.of("没用过"), "no", List.of("用过", "坐过")),
                    "anger", Map.of("anger", List.of("垃圾"))),
            List.of(new Lexicon.Product("fresh", "蔬菜", null, List.of("蔬菜")), new Lexicon.Product("fresh", "菠菜", "蔬菜", List.of("菠菜")),
                    new Lexicon.Product("fresh", "油麦菜", "蔬菜", List.of("油麦菜")), new Lexicon.Product("fresh", "水果", null, List.of("水果", "果子")),
                    new Lexicon.Product("fresh", "猕猴桃", "水果", List.of("猕猴桃")), new Lexicon.Product("appliance", "洗衣机", null, List.of("洗衣机"))),
            List.of("不是", "不", "没", "没有", "唔"), List.of("就是", "但是", "不过"), List.of("没问题"),
            List.of("多少", "没想到", "可不可以", "能不能", "可唔可以", "不对劲", "有没有"),
            new Lexicon.Delivery(List.of("买的", "点的是", "选的"), List.of("送来", "来的"), List.of("到了", "来了", "收到", "送来", "来的是"),
                    List.of("白色", "黑色", "灰色", "深灰", "白的"),
                    new Lexicon.Absence(List.of("没有", "找不到"), List.of("遥控器", "进水管"), List.of("袋子里", "箱子里"))));

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', value = {
            // text | list | positive labels, focus first (space-separated, - for none)
            "不是质量问题，就是不喜欢 | reason | no_reason",
            "冰箱不制冷 | reason | quality",
            "番茄压得稀巴烂 | reason | damaged",
            "番茄烂了 | reason | spoiled",
            "我点的是菠菜 送来的是油麦菜 | reason | wrong_item",
            "买的1.8米的床 来的1.5米 | reason | wrong_item",
            "买的一米八的床 送来的是一米五的 | reason | wrong_item",
            // the same goods, a kind of what was ordered, a count, a courier, a state: no other goods came
            "我买的菠菜 送来的菠菜全烂了 | reason | spoiled",
            "我买的猕猴桃 送来的果子都烂了 | reason | spoiled",
            // two counts of one unit, the smaller one come: fewer came than were ordered, said in no missing-word
            "订的10个 送来的是8个 | reason | missing",
            "下了两箱 就到了一箱 | reason | missing",
            "只有8个 说好的十个 | reason | missing",
            "买了两台 一台装客厅 | reason | -",
            "买了两箱 到了一箱烂了 | reason | spoiled",
            "买了两个月 就到了一个 | reason | -",
            "我买的是10斤一袋的 来的是5斤那种 | reason | -",
            "说是五斤的 只有四斤多 | reason | missing",
            // "only" said with 才 or 就, a verb of coming between, and the kinds in a set (样, 种) counted too
            "写着8袋 才6袋 | reason | missing",
            "空调才到一台 说好两台 | reason | missing",
            "说好五样菜 就三样 | reason | missing",
            "买了三箱 才一箱是好的 | reason | -",
            // not a shortfall: asking for fewer, a promotion, some of the goods picked out, the rest maybe still coming, "the same"
            "两箱太多了 就来一个吧 | reason | -",
            "买三箱就送一箱吗 | reason | -",
            "买了10个桃子 软的就3个 | reason | -",
            "买了两台 才发一台 | reason | -",
            "两样东西看着就一样 | reason | -",
            // another size or colour wanted is no reason, unless a problem is stated; a better or new one says nothing
            "床想换个1.8米的 | reason | no_reason",
            "想换成灰色的 | reason | no_reason",
            "能换个大一点的吗 | reason | no_reason",
            "坏了 想换个白色的 | reason | quality",
            "换个新的 | reason | -",
            "床想换成一米八的 | reason | no_reason",
            "能给我换成一个大一点的吗 | reason | no_reason",
            "给我换个好的 | reason | -",
            // two counts that say no shortfall: more came, one kept, one of them with a problem, both came, prices
            "我只买了一箱 怎么发了两箱 | reason | -",
            "买了两台 只留一台 | reason | -",
            "十个橙子 只有两个是好的 | reason | -",
            "两个都到了 就一个颜色有点深 | reason | -",
            "买的时候199块 现在才149块 | reason | -",
            "要的5斤装 寄来3斤装 | reason | -",
            "我买的菠菜发的是什么快递 | reason | -",
            "前天买的洗衣机 今天送来的是坏的 | reason | damaged",
            "我买的是55寸 送来的也是55寸 但是屏幕有条线 | reason | -",
            // session 21: colours tell goods apart as sizes do; the same colour said two ways does not
            "选的白色 送来是黑色 | reason | wrong_item",
            "买的深灰 来的灰色 | reason | wrong_item",
            "买的白色 送来的是白的 | reason | -",
            "买的白色 收到的有点偏灰色 | reason | -",
            "买的白色洗衣机 原来的灰色的能帮拉走吗 | reason | -",
            // a part said not to be there, with a measure word between and nothing else; not one asked about
            "洗衣机到了 没有条进水管 | reason | missing",
            "有没有进水管 | reason | -",
            "没有用遥控器 | reason | -",
            "东西到了 没有少遥控器 | reason | -",
            // a part or the box named, then a gone word ending the clause; not mid-clause, not asked, not fine,
            // not goods in general
            "遥控器找不到 | reason | missing",
            "洗衣机挺好 遥控器也没有 | reason | missing",
            "油麦菜收到了 菠菜呢 袋子里压根没有 | reason | missing",
            "箱子里没有冰袋 | reason | -",
            "带遥控器没有 | reason | -",
            "遥控器没有问题 | reason | -",
            "洗衣机还没有 | reason | -",
            // a split word holds across words between its parts, but not across a negation
            "质量也太差了 | reason | quality",
            "质量也不差 就是不喜欢 | reason | no_reason",
            // an ignored word gives way to a longer lexicon word that holds it
            "味道有点不对劲 | reason | spoiled",
            "不是不制冷 是外机响 | reason | quality",
            "没坏，就是少了个配件 | reason | missing",
            "质量没问题就是不想要 | reason | no_reason",
            "生鲜出问题最晚多少个钟头 | reason | -",
            "订的牛奶没收到 | reason | missing",
            "用了没几天就坏了 | reason | quality",
            "没想到冰箱不制冷 | reason | quality",
            "不退了 | kind | -",
            // a phrase on both lists says both: no reason given, and the goods go back
            "就是不想要 | reason | no_reason",
            "就是不想要 | kind | return",
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

    /** The second reading of a phrase on two lists fills a detail, but is no feature: the classifier was trained on the first. */
    @Test
    void aSecondReadingIsNoFeature() {
        Text.Analysis a = Text.analyse("就是不想要", LEXICON);
        assertEquals(List.of("return"), a.positive("kind"));
        assertTrue(a.features().contains("FL:reason:no_reason"), a.features().toString());
        assertTrue(a.features().stream().noneMatch(f -> f.contains("L:kind")), a.features().toString());
    }

    /** A used-word negated ("也没坐过") is what {@code Reader} takes as unused when the classifier says nothing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "包装都在 也没坐过 | true", "坐过两次 | false", "没用过 | false" })
    void aNegatedUsedWord(String text, boolean negatedOnly) {
        assertEquals(negatedOnly, Text.analyse(text, LEXICON).negatedOnly("usage", "no"));
    }

    /** A split word needs a part on each side of its one "…"; the Chinese "……" counts as one. */
    @Test
    void splitWordsAreCheckedWhenTheFileIsRead() {
        assertEquals(List.of("压得...烂"), Lexicon.parseLists("damaged\t压得……烂", "problems.txt", null).get("damaged"));
        for (String bad : List.of("…烂", "压得…", "压…得…烂")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Lexicon.parseLists("damaged\t碎了, " + bad, "problems.txt", null));
            assertTrue(e.getMessage().startsWith("problems.txt:1: "), e.getMessage());
        }
    }

    /** A function done poorly ("制冷效果不太行") is a fault; asking whether it works, or a person's work, is not. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text | positive quality
            "冰箱制冷不行 | true",
            "冰箱制冷效果不太行 | true",
            "不是制冷不行 是噪音大 | false",
            "这款空调制冷行不行 | false",
            "制冷还行 | false",
            "师傅工作态度太差了 | false" })
    void aFunctionDonePoorlyIsAFault(String text, boolean fault) {
        Lexicon lexicon = new Lexicon(Lexicon.withPoorlyDone(Map.of(), List.of("制冷", "工作"), List.of("不行", "不太行", "太差")),
                Map.of(), List.of(), List.of("不是", "不"), List.of("就是"), List.of(), List.of("行不行"));
        assertEquals(fault, Text.analyse(text, lexicon).positive("reason").contains("quality"), text);
    }

    /** A sound said over is a noise the goods make, a fault; said once, or denied, it is not. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text | positive quality
            "洗衣机脱水的时候哐哐哐的 | true",
            "冰箱晚上咔咔的响 | true",
            "热水器一直嘀嘀嘀地叫 | true",
            "咔嚓一声就断了 | false",
            "空调没有嗡嗡的声音 | false" })
    void aSoundSaidOverIsANoise(String text, boolean fault) {
        Lexicon lexicon = new Lexicon(Lexicon.withNoises(Map.of(), List.of("哐", "咔", "嘀", "嗡")), Map.of(), List.of(), List.of("没有", "不"),
                List.of("就是"), List.of(), List.of());
        assertEquals(fault, Text.analyse(text, lexicon).positive("reason").contains("quality"), text);
    }

    /** A promise recalled as a question ("不是说好…吗") holds the shop to it and asks nothing; a real question asks. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "不是说好两天到吗 | false",
            "说好的不是包邮吗 | false",
            "这个能退吗 | true",
            "是不是坏了 | true",
            "不是坏了吧 能修不 | true",
            "那是不是说明这个是坏的吗 | true",
            "不是说好七天无理由吗那我现在可以退吗 | true" })
    void aReproachAsksNothing(String clause, boolean asks) {
        assertEquals(asks, Text.asks(clause, List.of("是不是")));
    }
}

package shop.kefu.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import shop.kefu.common.DataFiles;

class HomophonesTest {

    private static final List<String> PRODUCTS = List.of("燃气灶", "天然气灶", "洗碗机", "油烟机", "加湿器", "咸鸭蛋", "蜂王浆",
            "沙发套");
    /** Words some article of the knowledge base uses: a name that sounds like a product is not a slip for it. */
    private static final Set<String> ARTICLE_WORDS = Set.of("蜂王江");

    private static final Homophones TOY = Homophones.of(PRODUCTS, ARTICLE_WORDS::contains);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            洗晚机洗完不出水                    | 洗碗机洗完不出水
            油烟鸡买了半年 吸不干净             | 油烟机买了半年 吸不干净
            然气灶打不着火                      | 燃气灶打不着火
            剩下半个咸鸭旦咋放                  | 剩下半个咸鸭蛋咋放
            天然气灶打不着火                    | 天然气灶打不着火
            加湿气开一晚上                      | 加湿器开一晚上
            蜂王江怎么去                        | 蜂王江怎么去
            蜂王将怎么吃                        | 蜂王浆怎么吃
            沙发套子能洗吗                      | 沙发套子能洗吗
            Order JD123 洗碗机                  | Order JD123 洗碗机
            """)
    void aProductWordTypedAsItsHomophoneIsPutBackAndNothingElseIsRewritten(String typed, String read) {
        assertEquals(read, TOY.correct(typed));
    }

    /**
     * With the shipped product names and tags: everyday words one sound away from a two-character name
     * (高点/糕点, 每早/美早, 查几/茶几, 白瞎/白虾, 咸淡/咸蛋) stay as typed; a slip in a longer name is put back.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            空调温度能调高点吗                  | 空调温度能调高点吗
            我每早都喝一杯豆浆                  | 我每早都喝一杯豆浆
            帮我查几个订单                      | 帮我查几个订单
            这钱算是白瞎了                      | 这钱算是白瞎了
            腊肉咸淡正好                        | 腊肉咸淡正好
            电风善不转了                        | 电风扇不转了
            吸尘气吸力小                        | 吸尘器吸力小
            三文于有点腥                        | 三文鱼有点腥
            """)
    void theShippedVocabularyRewritesNoEverydayWord(String typed, String read) {
        assertEquals(read, shipped().correct(typed));
    }

    private static Homophones shipped() {
        Set<String> vocabulary = Synonyms.products(DataFiles.read(Path.of("knowledge-base/understanding/products.txt"), "products.txt"))
                .productNames();
        Set<String> articleWords = new HashSet<>();
        for (ArticleData a : ArticleFiles.load(Path.of("knowledge-base"))) {
            vocabulary.addAll(a.tags());
            articleWords.addAll(ChineseAnalysis.tokens(ChineseAnalysis.words(), a.title() + "\n" + String.join("\n", a.questions()) + "\n"
                    + String.join(" ", a.tags()) + "\n" + a.answer()));
        }
        return Homophones.of(vocabulary, articleWords::contains);
    }
}

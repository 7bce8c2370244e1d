package shop.kefu.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token-level signal of {@link AspectMatch}, on the real model: what a near miss asks, the article does not say. */
class AspectMatchTest {

    static Embedder model;

    static final ArticleData DEHUMIDIFIER = new ArticleData("dehumidifier-tank", "appliance", "除湿机水箱怎么清洗",
            List.of("除湿机的水箱要多久洗一次"),
            "取下水箱倒掉积水，用清水加少量中性洗涤剂刷洗内壁，晾干后装回。建议每两周清洗一次，梅雨季每周一次，避免滋生霉菌产生异味。",
            List.of("除湿机"));
    static final ArticleData KETTLE = new ArticleData("kettle-scale", "appliance", "电水壶除水垢方法", List.of(),
            "壶里加半壶水和两勺白醋或柠檬酸，煮开后静置一小时，倒掉再用清水煮两遍。", List.of("水壶"));

    @BeforeAll
    static void load() {
        model = new Embedder();
    }

    private static double unmatched(AspectMatch m, String question, ArticleData article) {
        return m.unmatched(question, model.question(question).tokens(), article, 2);
    }

    @Test
    void aQuestionAboutAnotherAspectOfTheSameProductFindsLessOfItselfInTheArticle() {
        AspectMatch m = new AspectMatch(model);
        m.add(DEHUMIDIFIER);
        m.add(KETTLE);

        double inOtherWords = unmatched(m, "抽湿机的接水盒隔多长时间刷一回", DEHUMIDIFIER);
        double anotherAspect = unmatched(m, "除湿机开一整晚大概耗多少度电", DEHUMIDIFIER);

        double inItsWords = unmatched(m, "除湿机多久要清洗一次水箱", DEHUMIDIFIER);

        // measured: 0.0, 0.55 (every word swapped for a synonym), 0.81
        assertTrue(inItsWords < 0.2, "the cleaning question in the article's words: " + inItsWords);
        assertTrue(anotherAspect > 0.6, "power use is not in the article: " + anotherAspect);
        assertTrue(anotherAspect > inOtherWords + 0.2, "the cleaning question in other words is closer: " + inOtherWords);
    }

    @Test
    void punctuationAndTheTitlesOwnWordsDoNotCount() {
        AspectMatch m = new AspectMatch(model);
        m.add(DEHUMIDIFIER);
        m.add(KETTLE);

        assertEquals(unmatched(m, "除湿机多久要清洗一次水箱", DEHUMIDIFIER), unmatched(m, "除湿机多久要清洗一次水箱？？！", DEHUMIDIFIER));
        assertEquals(0.0, unmatched(m, "电水壶除水垢", KETTLE));
    }

    @Test
    void greetingsAndPrefacesAskNothingOfTheArticle() throws Exception {
        AspectMatch m = new AspectMatch(model);
        m.add(DEHUMIDIFIER);
        m.add(KETTLE);
        m.setFillers(Fillers.parse(Files.readString(Path.of("knowledge-base/fillers.txt"))));

        double plain = unmatched(m, "除湿机多久要清洗一次水箱", DEHUMIDIFIER);
        assertEquals(plain, unmatched(m, "你好，想咨询一下，除湿机多久要清洗一次水箱", DEHUMIDIFIER));
        assertEquals(plain, unmatched(m, "在吗 还有个问题 除湿机多久要清洗一次水箱 谢谢", DEHUMIDIFIER));
        // a preface does not hide what the question asks beyond the article
        assertTrue(unmatched(m, "您好，请问除湿机开一整晚大概耗多少度电", DEHUMIDIFIER) > 0.6);
    }

    @Test
    void anEditedArticleIsReadAgainNotFromTheKeptCopy() {
        AspectMatch m = new AspectMatch(model);
        m.add(KETTLE);
        String question = "电水壶除垢可以用小苏打吗";
        double before = unmatched(m, question, KETTLE);

        ArticleData edited = new ArticleData(KETTLE.id(), KETTLE.category(), KETTLE.title(), List.of(),
                KETTLE.answer() + "没有白醋时也可以用小苏打，效果稍弱。", KETTLE.tags());

        assertTrue(unmatched(m, question, edited) < before, "the new sentence on baking soda counts");
        assertEquals(before, unmatched(m, question, KETTLE), "an equal copy (as a rebuild puts back) reads the same");
    }

    @Test
    void aLongMessageKeepsOnlyItsFirstTokens() {
        String question = "除湿机开一整晚大概耗多少度电".repeat(200);

        assertEquals(Embedder.QUESTION_TOKENS, model.question(question).tokens().rows().length);
    }
}

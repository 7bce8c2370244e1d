package shop.kefu.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import shop.kefu.knowledge.Embedder;

/**
 * The trained reader on the shipped examples and lexicons, with the real embedding model, on the
 * wordings the issue reported as misread (no Quarkus: about ten seconds).
 */
class ReaderTest {

    static Embedder embedder;
    static Reader reader;

    @BeforeAll
    static void train() throws Exception {
        embedder = new Embedder();
        reader = Probe.reader(embedder);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // message | intent | kind | reason | unused
            "沙发颜色跟图片不一样，想退 | AFTERSALES | RETURN | WRONG_ITEM | -",
            "草莓 烂了 | AFTERSALES | - | SPOILED | -",
            "冰箱 不制冷 | AFTERSALES | - | QUALITY | -",
            "电视 降价了 | AFTERSALES | REFUND | PRICE_DROP | -", // price protection refunds the difference
            "退掉算了 | AFTERSALES | RETURN | NO_REASON | -", // "just take it back": nothing wrong with it
            "少寄了一包，给我补个 | AFTERSALES | RESHIP | MISSING | -",
            "东西是好的，就是不想要了 | AFTERSALES | - | NO_REASON | -",
            "不是质量问题，就是颜色不喜欢 | AFTERSALES | - | NO_REASON | -",
            "没拆封，不想要了退货 | AFTERSALES | RETURN | NO_REASON | true",
            "草莓烂了怎么办 | QUESTION | - | SPOILED | -",
            "退款好几天了还没到账 | AFTERSALES_STATUS | - | - | -",
            "我的快递到哪了 | ORDER_STATUS | - | - | -",
            "帮我约个师傅上门装空调 | INSTALL | - | - | -",
            "你们什么破服务 | COMPLAINT | - | - | -" })
    void readsWhatTheShopperSays(String text, String intent, String kind, String reason, String unused) {
        Reading r = reader.read(text, embedder.apply(text));
        assertEquals(intent, r.intent().name(), "intent");
        if (!"AFTERSALES_STATUS".equals(intent)) { // a status question may name the kind it asks about
            assertEquals(kind, r.kind() == null ? "-" : r.kind().name(), "kind");
        }
        assertEquals(reason, r.reason() == null ? "-" : r.reason().name(), "reason");
        assertEquals(unused, r.unused() == null ? "-" : r.unused().toString(), "unused");
    }
}

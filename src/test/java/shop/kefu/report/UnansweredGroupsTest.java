package shop.kefu.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Planted clusters in May 2019: paraphrases of three questions the knowledge base cannot answer (5, 3
 * and 2 of them), spread over clarifications, low-confidence handoffs and badly rated answers, among
 * singletons, one of them a near miss (how to get an ordinary invoice, next to the VAT invoice group).
 * Questions that are not unanswered ones (asking for a human, a well-rated answer) must not count.
 */
@QuarkusTest
class UnansweredGroupsTest {

    @Inject
    DataSource db;

    private enum Fate { CLARIFIED, HANDED_OFF, RATED_BADLY, ASKED_FOR_HUMAN, ANSWERED_WELL }

    private record Q(String text, Fate fate) {
    }

    @Test
    void paraphrasesFormGroupsLargestFirstWithThreeExamples() {
        List<Q> newestFirst = List.of(
                new Q("可以用数字人民币付款吗", Fate.CLARIFIED),
                new Q("能开增值税专用发票吗", Fate.HANDED_OFF),
                new Q("你们招聘客服吗", Fate.CLARIFIED),
                new Q("你们支持数字人民币支付吗", Fate.RATED_BADLY),
                new Q("可以寄到香港吗", Fate.CLARIFIED),
                new Q("数字人民币能不能用来付钱", Fate.HANDED_OFF),
                new Q("发票怎么开", Fate.CLARIFIED),
                new Q("我需要增值税专票，可以开吗", Fate.CLARIFIED),
                new Q("数字人民币可以付款吗", Fate.ASKED_FOR_HUMAN),
                new Q("付款的时候能选数字人民币吗", Fate.CLARIFIED),
                new Q("可以帮我写一首诗吗", Fate.HANDED_OFF),
                new Q("能发货到香港吗", Fate.RATED_BADLY),
                new Q("公司采购可以开专用发票吗", Fate.CLARIFIED),
                new Q("数字人民币支付可以用吗", Fate.ANSWERED_WELL),
                new Q("请问支持数字人民币吗", Fate.CLARIFIED),
                new Q("支持花呗分期吗", Fate.CLARIFIED));
        History h = new History(db);
        OffsetDateTime t = OffsetDateTime.parse("2019-05-20T12:00:00+08:00");
        for (Q q : newestFirst) {
            History.Conv c = h.conversation(t).greeting().ask(q.text());
            switch (q.fate()) {
                case CLARIFIED -> c.clarify();
                case HANDED_OFF -> c.handoff("low_confidence").human("low_confidence", 1L, 10L, "A1", "小王", null);
                case RATED_BADLY -> c.answer().rated(2);
                case ASKED_FOR_HUMAN -> c.handoff("requested").human("requested", 1L, 10L, "A1", "小王", null);
                case ANSWERED_WELL -> c.answer().rated(5);
            }
            t = t.minusHours(1);
        }

        JsonPath r = ServiceReportTest.report("2019-05-01", "2019-05-31");

        assertEquals(14, r.getInt("unanswered.questions"), "neither the request for a human nor the well-rated answer");
        assertEquals(List.of(5, 3, 2, 1, 1, 1, 1), r.getList("unanswered.groups.count"), r.prettify());
        assertEquals(List.of("可以用数字人民币付款吗", "你们支持数字人民币支付吗", "数字人民币能不能用来付钱"),
                r.getList("unanswered.groups[0].examples"), "the three newest of the largest group");
        assertEquals(List.of("能开增值税专用发票吗", "我需要增值税专票，可以开吗", "公司采购可以开专用发票吗"), r.getList("unanswered.groups[1].examples"));
        assertEquals(List.of("可以寄到香港吗", "能发货到香港吗"), r.getList("unanswered.groups[2].examples"));
        List<String> singletons = r.getList("unanswered.groups.findAll { it.count == 1 }.examples.flatten()");
        assertEquals(List.of("你们招聘客服吗", "发票怎么开", "可以帮我写一首诗吗", "支持花呗分期吗"), singletons, "singletons newest first");
    }
}

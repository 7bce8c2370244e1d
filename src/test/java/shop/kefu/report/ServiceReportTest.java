package shop.kefu.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import shop.kefu.support.Shop;
import shop.kefu.support.Tokens;

/**
 * Every figure of the report against a scripted history of March 2019 (Shanghai time) whose answers are
 * worked out by hand below; nothing else in the suite writes that month.
 */
@QuarkusTest
class ServiceReportTest {

    @Inject
    DataSource db;

    private static OffsetDateTime at(String local) {
        return OffsetDateTime.parse(local + "+08:00");
    }

    static JsonPath report(String from, String to) {
        return given().auth().oauth2(Tokens.of("manager", "M-RPT")).queryParam("from", from).queryParam("to", to)
                .get("/api/reports/service").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyFigureMatchesAScriptedHistory() {
        History h = new History(db);
        // self-service: answered, and clarified then answered
        h.conversation(at("2019-03-01T00:05:00")).greeting().ask("草莓怎么保存").answer();
        h.conversation(at("2019-03-02T10:00:00")).greeting().ask("冰箱怎么调温度").clarify().ask("冷藏室温度").answer();
        // opened, the shopper never wrote: not counted
        h.conversation(at("2019-03-03T10:00:00")).greeting();
        // low confidence: first reply after 5 min, resolved after 2 h, rated 5 by A1
        h.conversation(at("2019-03-04T10:00:00")).greeting().ask("可以用数字人民币付款吗").clarify().ask("数字人民币支付")
                .handoff("low_confidence").human("low_confidence", 5L, 120L, "A1", "小王", 5);
        // asked for a human: 15 min (late), resolved after 30 h (late), rated 3 by A1
        h.conversation(at("2019-03-05T10:00:00")).greeting().ask("转人工").handoff("requested")
                .human("requested", 15L, 1800L, "A1", "小王", 3);
        // an agent took it from the bot: 2 min, 1 h, rated 1 by A2: its answered question counts as unanswered
        h.conversation(at("2019-03-06T10:00:00")).greeting().ask("洗衣机滚筒有异味怎么办").answer()
                .human("agent_claimed", 2L, 60L, "A2", "小李", 1);
        // a complaint nobody answered (long past both promises)
        h.conversation(at("2019-03-31T23:30:00")).greeting().ask("你们太差劲了").handoff("negative_sentiment")
                .human("negative_sentiment", null, null, null, null, null);
        // outside the range, by a few minutes either side in Shanghai time
        h.conversation(at("2019-04-01T00:10:00")).greeting().ask("苹果怎么保存").answer();
        h.conversation(at("2019-02-28T23:59:00")).greeting().ask("橙子甜吗").clarify();

        Shop.order("RPT-F1", "RPT-CUST", "fresh", OffsetDateTime.parse("2019-02-20T10:00:00+08:00"), Shop.item("S1", "草莓", 1, "30", false));
        Shop.order("RPT-A1", "RPT-CUST", "appliance", OffsetDateTime.parse("2019-02-20T10:00:00+08:00"), Shop.item("S1", "冰箱", 1, "1999", false));
        h.aftersales("RPT-F1", "refund", "spoiled", "REFUNDED", "30.00", at("2019-03-10T10:00:00"));
        h.aftersales("RPT-F1", "refund", "spoiled", "REFUNDED", "20.00", at("2019-03-11T10:00:00"));
        h.aftersales("RPT-F1", "refund", "spoiled", "REJECTED", "12.50", at("2019-03-12T10:00:00"));
        h.aftersales("RPT-A1", "return", "quality", "APPROVED", "1999.00", at("2019-03-13T10:00:00"));
        h.aftersales("RPT-A1", "replacement", "damaged", "UNDER_REVIEW", "500.00", at("2019-03-14T10:00:00"));
        h.aftersales("RPT-GONE", "reship", "missing", "CLOSED", "8.00", at("2019-03-15T10:00:00"));
        h.aftersales("RPT-F1", "refund", "spoiled", "REFUNDED", "99.00", at("2019-04-01T00:10:00"));

        JsonPath r = report("2019-03-01", "2019-03-31");

        assertEquals("Asia/Shanghai", r.getString("zone"));
        assertEquals(6, r.getInt("conversations.total"));
        assertEquals(2, r.getInt("conversations.selfService"));
        assertEquals(0.3333f, r.getFloat("conversations.selfServiceRate"));
        assertEquals(4, r.getInt("conversations.handedOff"));
        assertEquals(List.of("agent_claimed", "low_confidence", "negative_sentiment", "requested"),
                r.getList("conversations.handoffs.reason"));
        assertEquals(List.of(1, 1, 1, 1), r.getList("conversations.handoffs.conversations"));
        assertEquals(0.1667f, r.getFloat("conversations.handoffs[0].rate"));

        // bot turns: answers in conversations 1, 2 and 6; clarifications in 2 and 4; handoffs in 4, 5 and 7
        assertEquals(8, r.getInt("turns.total"));
        assertEquals(3, r.getInt("turns.answer.count"));
        assertEquals(0.375f, r.getFloat("turns.answer.share"));
        assertEquals(2, r.getInt("turns.clarify.count"));
        assertEquals(0.25f, r.getFloat("turns.clarify.share"));
        assertEquals(3, r.getInt("turns.handoff.count"));

        // first response against 10 min: 5 and 2 met; 15 late and one never answered
        assertEquals(10, r.getInt("serviceLevels.firstResponse.promiseMinutes"));
        assertEquals(4, r.getInt("serviceLevels.firstResponse.handedOff"));
        assertEquals(2, r.getInt("serviceLevels.firstResponse.met"));
        assertEquals(2, r.getInt("serviceLevels.firstResponse.missed"));
        assertEquals(0, r.getInt("serviceLevels.firstResponse.pending"));
        assertEquals(0.5f, r.getFloat("serviceLevels.firstResponse.metRate"));
        assertEquals(7.3f, r.getFloat("serviceLevels.firstResponse.averageMinutes"));
        assertEquals(5.0f, r.getFloat("serviceLevels.firstResponse.p50Minutes"));
        assertEquals(15.0f, r.getFloat("serviceLevels.firstResponse.p90Minutes"));
        // resolution against 24 h: 2 h and 1 h met; 30 h late and one never resolved
        assertEquals(1440, r.getInt("serviceLevels.resolution.promiseMinutes"));
        assertEquals(2, r.getInt("serviceLevels.resolution.met"));
        assertEquals(2, r.getInt("serviceLevels.resolution.missed"));
        assertEquals(660.0f, r.getFloat("serviceLevels.resolution.averageMinutes"));
        assertEquals(120.0f, r.getFloat("serviceLevels.resolution.p50Minutes"));
        assertEquals(1800.0f, r.getFloat("serviceLevels.resolution.p90Minutes"));

        assertEquals(3, r.getInt("csat.ratings"));
        assertEquals(3.0f, r.getFloat("csat.average"));
        assertEquals(Map.of("1", 1, "2", 0, "3", 1, "4", 0, "5", 1), r.getMap("csat.distribution"));
        assertEquals(List.of("A1", "A2"), r.getList("csat.agents.agentId"));
        assertEquals(List.of("小王", "小李"), r.getList("csat.agents.name"));
        assertEquals(List.of(2, 1), r.getList("csat.agents.ratings"));
        assertEquals(List.of(4.0f, 1.0f), r.getList("csat.agents.average"));

        assertEquals(6, r.getInt("aftersales.cases"));
        assertEquals(2569.50f, r.getFloat("aftersales.amount"));
        assertEquals(2049.00f, r.getFloat("aftersales.refunded"), "refunds and returns not rejected");
        assertEquals(List.of("fresh", "appliance", "appliance", "fresh", "unknown"), r.getList("aftersales.groups.category"));
        assertEquals(List.of("refund", "replacement", "return", "refund", "reship"), r.getList("aftersales.groups.kind"));
        assertEquals(List.of("spoiled", "damaged", "quality", "spoiled", "missing"), r.getList("aftersales.groups.reason"));
        assertEquals(List.of("refunded", "under_review", "approved", "rejected", "closed"), r.getList("aftersales.groups.status"));
        assertEquals(List.of(2, 1, 1, 1, 1), r.getList("aftersales.groups.cases"));
        assertEquals(50.0f, r.getFloat("aftersales.groups[0].amount"));

        // clarified (conversations 2 and 4), handed off for low confidence (4), answered then rated 1 (6); not the
        // request for a human nor the complaint
        assertEquals(4, r.getInt("unanswered.questions"));
        List<String> examples = r.getList("unanswered.groups.examples.flatten()");
        assertEquals(4, examples.size(), examples.toString());
        assertEquals(true, examples.containsAll(List.of("冰箱怎么调温度", "可以用数字人民币付款吗", "数字人民币支付", "洗衣机滚筒有异味怎么办")),
                examples.toString());
    }
}

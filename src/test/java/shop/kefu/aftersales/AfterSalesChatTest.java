package shop.kefu.aftersales;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Shop;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/** After-sales scenarios in Chinese, over real WebSocket connections, one per category and rule. */
@QuarkusTest
class AfterSalesChatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    private ChatClient connect(String customer) {
        ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(customer));
        c.next("reply");
        return c;
    }

    private static List<JsonNode> myAfterSales(String customer) {
        JsonNode[] all = given().auth().oauth2(Tokens.shopper(customer)).get("/api/me/aftersales").then().statusCode(200)
                .extract().as(JsonNode[].class);
        return List.of(all);
    }

    @Test
    void spoiledFruitWithAPhotoIsRefundedAtOnce() {
        String me = Ws.uniqueCustomer("S");
        Shop.order("O-" + me, me, "fresh", OffsetDateTime.now().minusHours(20), Shop.item("STRAW", "丹东草莓 500g", 2, "19.90", false));
        String photo = Shop.photo(me);
        try (ChatClient c = connect(me)) {
            JsonNode confirm = c.say("昨天买的草莓烂了一半", photo);
            assertTrue(confirm.get("text").asText().contains("¥19.90"), confirm.toString());
            assertTrue(confirm.get("text").asText().contains("优先赔付"), confirm.toString());
            assertTrue(confirm.get("quickReplies").toString().contains("确认提交"));
            assertTrue(myAfterSales(me).isEmpty(), "nothing is created before the shopper confirms");

            JsonNode done = c.say("确认提交");
            JsonNode action = done.at("/actions/0");
            assertEquals("aftersales_created", action.get("type").asText(), done.toString());
            assertEquals("refund", action.get("kind").asText());
            List<JsonNode> mine = myAfterSales(me);
            assertEquals(1, mine.size());
            assertEquals(action.get("aftersalesId").asText(), mine.get(0).get("id").asText());
            assertEquals("approved", mine.get(0).get("status").asText());
            assertEquals(19.90, mine.get(0).get("amount").asDouble(), 0.001);
            assertEquals("fresh.small-claim-limit", mine.get(0).at("/decision/rule").asText());
            assertEquals(List.of(photo), JSON.convertValue(mine.get(0).get("evidence"), List.class));
        }
    }

    @Test
    void aBigFreshClaimGoesToReviewAndToAHuman() {
        String me = Ws.uniqueCustomer("S");
        Shop.order("O-" + me, me, "fresh", OffsetDateTime.now().minusHours(6), Shop.item("CRAB", "阳澄湖大闸蟹 8只装", 1, "268.00", false));
        try (ChatClient c = connect(me)) {
            JsonNode askPhoto = c.say("买的大闸蟹送到全死了，我要退款");
            assertTrue(askPhoto.get("text").asText().contains("照片"), askPhoto.toString());
            JsonNode confirm = c.say("这是照片", Shop.photo(me));
            assertTrue(confirm.get("text").asText().contains("审核"), confirm.toString());
            JsonNode done = c.say("确认");
            assertEquals("refund", done.at("/actions/0/kind").asText(), done.toString());
            assertEquals("policy", c.next("handoff").get("reason").asText());
            assertEquals("under_review", myAfterSales(me).get(0).get("status").asText());
        }
    }

    @Test
    void applianceWithinTheExchangeWindowIsReplaced() {
        String me = Ws.uniqueCustomer("S");
        Shop.order("O-" + me, me, "appliance", OffsetDateTime.now().minusDays(3), Shop.item("FRIDGE", "双开门冰箱 520L", 1, "3999.00", false));
        try (ChatClient c = connect(me)) {
            JsonNode confirm = c.say("冰箱用了三天不制冷，我要换一台");
            assertTrue(confirm.get("text").asText().contains("换货"), confirm.toString());
            assertTrue(confirm.get("text").asText().contains("180天"), confirm.toString());
            JsonNode done = c.say("确认提交");
            assertEquals("replacement", done.at("/actions/0/kind").asText(), done.toString());
            assertEquals("appliance.quality-exchange-days", myAfterSales(me).get(0).at("/decision/rule").asText());
        }
    }

    @Test
    void applianceBeyondEachWindowIsRefusedWithTheReasonAndAHuman() {
        String me = Ws.uniqueCustomer("S");
        Shop.order("O1-" + me, me, "appliance", OffsetDateTime.now().minusDays(200), Shop.item("WASHER", "滚筒洗衣机", 1, "2499.00", false));
        Shop.order("O2-" + me, me, "appliance", OffsetDateTime.now().minusDays(40), Shop.item("TV", "65英寸电视", 1, "2999.00", false));
        try (ChatClient c = connect(me)) {
            JsonNode washer = c.say("洗衣机坏了我要换货");
            assertTrue(washer.get("text").asText().contains("180天"), washer.toString());
            assertTrue(washer.get("quickReplies").toString().contains("转人工"));
            JsonNode tv = c.say("电视有质量问题，我要退货");
            assertTrue(tv.get("text").asText().contains("30天"), tv.toString());
            assertTrue(tv.get("text").asText().contains("换货"), "suggests the exchange still possible: " + tv);
            assertTrue(myAfterSales(me).isEmpty());
        }
    }

    @Test
    void customFurnitureHasNoNoReasonReturn() {
        String me = Ws.uniqueCustomer("S");
        Shop.order("O-" + me, me, "furniture", OffsetDateTime.now().minusDays(2), Shop.item("WARDROBE", "定制衣柜 2.4米", 1, "5600.00", true));
        try (ChatClient c = connect(me)) {
            JsonNode r = c.say("定制衣柜不想要了，我要退货");
            assertTrue(r.get("text").asText().contains("定制家具"), r.toString());
            assertTrue(myAfterSales(me).isEmpty());
        }
    }

    @Test
    void aWrongItemIsRefundedAfterTheShopperPicksTheOrder() {
        String me = Ws.uniqueCustomer("S");
        Shop.order("A-" + me, me, "fresh", OffsetDateTime.now().minusHours(3), Shop.item("MILK", "鲜牛奶 950ml", 1, "15.80", false));
        Shop.order("B-" + me, me, "fresh", OffsetDateTime.now().minusHours(4), Shop.item("APPLE", "红富士苹果 5斤", 1, "39.90", false));
        try (ChatClient c = connect(me)) {
            JsonNode which = c.say("发错货了我要退款", Shop.photo(me));
            assertTrue(which.get("quickReplies").toString().contains("B-" + me), which.toString());
            JsonNode confirm = c.say("B-" + me + " 红富士苹果 5斤");
            assertTrue(confirm.get("text").asText().contains("发错货"), confirm.toString());
            c.say("确认");
            assertEquals("B-" + me, myAfterSales(me).get(0).get("orderId").asText());
            assertEquals("wrong_item", myAfterSales(me).get(0).get("reason").asText());
        }
    }

    @Test
    void theShopperCanChangeTheirMindOrCancel() {
        String me = Ws.uniqueCustomer("S");
        Shop.order("O-" + me, me, "fresh", OffsetDateTime.now().minusHours(5), Shop.item("EGG", "土鸡蛋 30枚", 1, "36.00", false));
        try (ChatClient c = connect(me)) {
            JsonNode confirm = c.say("收到的鸡蛋碎了，我要退款", Shop.photo(me));
            assertTrue(confirm.get("text").asText().contains("退款"), confirm.toString());
            JsonNode changed = c.say("改为补发");
            assertTrue(changed.get("text").asText().contains("补发"), changed.toString());
            JsonNode cancelled = c.say("算了");
            assertTrue(cancelled.get("text").asText().contains("已取消"), cancelled.toString());
            assertTrue(myAfterSales(me).isEmpty());
        }
    }

    @Test
    void anotherShoppersOrderNumberIsAnsweredLikeAMissingOne() {
        String alice = Ws.uniqueCustomer("A");
        String mallory = Ws.uniqueCustomer("M");
        Shop.order("ALICE-" + alice, alice, "fresh", OffsetDateTime.now().minusHours(2), Shop.item("STRAW", "丹东草莓 500g", 1, "19.90", false));
        Shop.order("MAL-" + mallory, mallory, "fresh", OffsetDateTime.now().minusHours(2), Shop.item("PEAR", "雪花梨", 1, "9.90", false));
        try (ChatClient c = connect(mallory)) {
            JsonNode other = c.say("订单 ALICE-" + alice + " 的草莓烂了我要退款", Shop.photo(mallory));
            c.say("算了");
            JsonNode none = c.say("订单 NOPE-" + mallory + " 的草莓烂了我要退款");
            String expected = none.get("text").asText().replace("NOPE-" + mallory, "ALICE-" + alice);
            assertEquals(expected, other.get("text").asText(), "same answer as for an order that does not exist");
            assertFalse(other.toString().contains("19.90"));
            assertFalse(other.get("quickReplies").toString().contains("ALICE"));
        }
        assertTrue(myAfterSales(alice).isEmpty());
        assertTrue(myAfterSales(mallory).isEmpty());
        given().auth().oauth2(Tokens.shopper(mallory)).get("/api/me/orders").then().statusCode(200)
                .body("orderId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("ALICE-" + alice)));
    }

    @Test
    void noDuplicateAfterSalesForTheSameItemAndReason() {
        String me = Ws.uniqueCustomer("S");
        Shop.order("O-" + me, me, "fresh", OffsetDateTime.now().minusHours(5), Shop.item("STRAW", "丹东草莓 500g", 1, "19.90", false));
        try (ChatClient c = connect(me)) {
            c.say("买的草莓烂了，我要退款", Shop.photo(me));
            c.say("确认");
            JsonNode again = c.say("买的草莓烂了，我要退款", Shop.photo(me));
            assertTrue(again.get("text").asText().contains("无需重复申请"), again.toString());
            assertTrue(c.say("确认").get("actions").isEmpty());
        }
        assertEquals(1, myAfterSales(me).size());
    }

    @Test
    void theShopperCanAskWhereTheirRefundIs() {
        String me = Ws.uniqueCustomer("S");
        Shop.order("O-" + me, me, "fresh", OffsetDateTime.now().minusHours(5), Shop.item("STRAW", "丹东草莓 500g", 1, "19.90", false));
        try (ChatClient c = connect(me)) {
            assertTrue(c.say("我的退款到哪了").get("text").asText().contains("没有售后申请"));
            c.say("买的草莓烂了，我要退款", Shop.photo(me));
            c.say("确认");
            JsonNode status = c.say("我的退款到哪了");
            assertTrue(status.get("text").asText().contains("已通过"), status.toString());
            assertTrue(status.get("text").asText().contains("丹东草莓"));
            assertTrue(c.say("我的订单到哪了").get("text").asText().contains("已签收"));
        }
    }

    @Test
    void aVisitCanBeBooked() {
        String me = Ws.uniqueCustomer("S");
        Shop.order("O-" + me, me, "appliance", OffsetDateTime.now().minusDays(1), Shop.item("AC", "变频空调 1.5匹", 1, "2699.00", false));
        try (ChatClient c = connect(me)) {
            JsonNode r = c.say("预约安装");
            assertTrue(r.get("text").asText().contains("安装预约"), r.toString());
        }
    }

    @Test
    void priceProtectionIsNamedSoAndOffersNoReturnOrExchange() {
        String me = Ws.uniqueCustomer("S");
        Shop.order("O-" + me, me, "appliance", OffsetDateTime.now().minusDays(5),
                "{\"sku\":\"TV\",\"name\":\"65英寸4K电视\",\"qty\":1,\"price\":2999,\"custom\":false,\"currentPrice\":2799}");
        try (ChatClient c = connect(me)) {
            JsonNode confirm = c.say("电视买贵了，现在降价两百，申请价保");
            String text = confirm.get("text").asText();
            assertTrue(text.contains("申请价格保护") && text.contains("¥200.00"), confirm.toString());
            assertFalse(text.contains("申请退款"), text);
            assertEquals(List.of("确认提交", "算了"), JSON.convertValue(confirm.get("quickReplies"), List.class),
                    "a return or an exchange is no alternative to a price difference");
            JsonNode done = c.say("确认提交");
            assertTrue(done.get("text").asText().startsWith("已为您提交价格保护申请"), done.toString());
            assertEquals("refund", done.at("/actions/0/kind").asText(), "still a refund of the difference on the wire");
        }
    }

    @Test
    void askingForTheSameDetailOverAndOverHandsOff() {
        String me = Ws.uniqueCustomer("S");
        Shop.order("A-" + me, me, "fresh", OffsetDateTime.now().minusHours(3), Shop.item("MILK", "鲜牛奶 950ml", 1, "15.80", false));
        Shop.order("B-" + me, me, "fresh", OffsetDateTime.now().minusHours(4), Shop.item("APPLE", "红富士苹果 5斤", 1, "39.90", false));
        try (ChatClient c = connect(me)) {
            assertTrue(c.say("我要退款").get("text").asText().contains("哪一笔订单"));
            assertTrue(c.say("就是那个").get("text").asText().contains("哪一笔订单"));
            c.say("你懂我意思吧");
            assertEquals("repeated_failure", c.next("handoff").get("reason").asText());
        }
    }
}

package shop.kefu.aftersales;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;
import shop.kefu.support.Shop;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

@QuarkusTest
class AfterSalesRestTest {

    @Inject
    AfterSalesTools tools;

    private String approvedRefund(String me) {
        Shop.order("O-" + me, me, "fresh", OffsetDateTime.now().minusHours(3), Shop.item("STRAW", "丹东草莓 500g", 1, "19.90", false));
        Claim claim = new Claim("O-" + me, "STRAW", ClaimKind.REFUND, ClaimReason.SPOILED, 1, List.of(Shop.photo(me)), false);
        return tools.createAfterSales(me, claim, null).orElseThrow().order().id;
    }

    @Test
    void staffFollowTheLifecycleAndShoppersSeeOnlyTheirOwn() {
        String me = Ws.uniqueCustomer("R");
        String id = approvedRefund(me);
        String agent = Tokens.agent("A1");
        given().auth().oauth2(agent).get("/api/aftersales/" + id).then().statusCode(200)
                .body("status", equalTo("approved")).body("customerId", equalTo(me)).body("items[0].sku", equalTo("STRAW"))
                .body("history.status", equalTo(List.of("REQUESTED", "APPROVED")));
        given().auth().oauth2(agent).queryParam("status", "approved").get("/api/aftersales").then().statusCode(200)
                .body("id", hasItem(id));
        given().auth().oauth2(agent).contentType("application/json").body("{\"status\":\"REFUNDED\",\"note\":\"原路退款\"}")
                .post("/api/aftersales/" + id + "/transition").then().statusCode(200).body("status", equalTo("refunded"));
        given().auth().oauth2(agent).contentType("application/json").body("{\"status\":\"UNDER_REVIEW\"}")
                .post("/api/aftersales/" + id + "/transition").then().statusCode(409).body("error", equalTo("invalid_transition"));
        given().auth().oauth2(agent).queryParam("status", "bogus").get("/api/aftersales").then().statusCode(400);

        given().auth().oauth2(Tokens.shopper(me)).get("/api/me/aftersales").then().statusCode(200).body("id", equalTo(List.of(id)));
        given().auth().oauth2(Tokens.shopper(Ws.uniqueCustomer("X"))).get("/api/me/aftersales").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(Tokens.shopper(me)).get("/api/aftersales/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.shopper(me)).get("/api/me/orders").then().statusCode(200).body("orderId", equalTo(List.of("O-" + me)));
    }

    @Test
    void attachmentsAreImagesSeenOnlyByTheirShopperAndStaff() {
        String me = Ws.uniqueCustomer("R");
        String id = Shop.photo(me);
        given().auth().oauth2(Tokens.shopper(me)).get("/api/attachments/" + id).then().statusCode(200).contentType("image/png");
        given().auth().oauth2(Tokens.of("supervisor", "S1")).get("/api/attachments/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.agent("A1")).get("/api/attachments/" + id).then().statusCode(403); // sent in no conversation of theirs (AttachmentsTest)
        given().auth().oauth2(Tokens.shopper(Ws.uniqueCustomer("X"))).get("/api/attachments/" + id).then().statusCode(404);
        Shop.upload(Tokens.shopper(me), "<script>alert(1)</script>".getBytes(), "image/png").then().statusCode(415);
        Shop.upload(Tokens.shopper(me), new byte[0], "image/png").then().statusCode(400);
        Shop.upload(Tokens.shopper(me), new byte[6 * 1024 * 1024], "image/jpeg").then().statusCode(413);
        Shop.upload(Tokens.agent("A1"), Shop.PNG, "image/png").then().statusCode(403);
    }

    @Test
    void adminsAddOrdersWithValidation() {
        String admin = Tokens.of("admin", "ADM");
        String me = Ws.uniqueCustomer("R");
        Shop.order("N-" + me, me, "appliance", OffsetDateTime.now(), Shop.item("TV", "电视", 1, "2999", false));
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"orderId\":\"N-" + me + "\",\"customerId\":\"" + me + "\",\"category\":\"fresh\",\"items\":[" + Shop.item("A", "苹果", 1, "1", false)
                        + "],\"status\":\"delivered\",\"deliveredAt\":\"2026-11-20T10:00:00+08:00\"}")
                .post("/api/admin/orders").then().statusCode(409);
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"orderId\":\"bad id\",\"customerId\":\"" + me + "\",\"category\":\"toys\",\"items\":[],\"status\":\"delivered\"}")
                .post("/api/admin/orders").then().statusCode(400);
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"orderId\":\"Z-" + me + "\",\"customerId\":\"" + me + "\",\"category\":\"fresh\",\"items\":[" + Shop.item("A", "苹果", 1, "-5", false)
                        + "],\"status\":\"delivered\",\"deliveredAt\":\"2026-11-20T10:00:00+08:00\"}")
                .post("/api/admin/orders").then().statusCode(400);
        given().auth().oauth2(Tokens.shopper(me)).contentType("application/json").body("{}").post("/api/admin/orders").then().statusCode(403);
    }

    @Test
    void theDemoShoppersHaveDemoOrders() {
        given().auth().oauth2(Tokens.shopper("C1001")).get("/api/me/orders").then().statusCode(200).body("orderId", hasItem("D1001-1"))
                .body("orderId", not(hasItem("D1002-1")));
    }

    @Test
    void policiesCanBeReadAndReloaded() {
        given().auth().oauth2(Tokens.of("admin", "ADM")).post("/api/admin/policies/reload").then().statusCode(200)
                .body("freshSmallClaimLimit", equalTo(50));
        given().auth().oauth2(Tokens.agent("A1")).get("/api/admin/policies").then().statusCode(200).body("applianceQualityExchangeDays", equalTo(180));
        given().auth().oauth2(Tokens.shopper("C1001")).post("/api/admin/policies/reload").then().statusCode(403);
    }
}

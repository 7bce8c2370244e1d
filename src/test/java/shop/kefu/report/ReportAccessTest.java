package shop.kefu.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import shop.kefu.support.Tokens;

/** Who may read the report, and clear 400s for bad ranges. */
@QuarkusTest
class ReportAccessTest {

    private static io.restassured.response.Response get(String token, String from, String to) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (from != null) {
            request = request.queryParam("from", from);
        }
        if (to != null) {
            request = request.queryParam("to", to);
        }
        return request.get("/api/reports/service");
    }

    @Test
    void managersAndAdminsReadItOthersDoNot() {
        get(Tokens.of("manager", "M1"), "2019-01-01", "2019-01-31").then().statusCode(200).body("from", equalTo("2019-01-01"));
        get(Tokens.of("admin", "ADM"), "2019-01-01", "2019-01-31").then().statusCode(200);
        get(Tokens.of("agent", "A9"), "2019-01-01", "2019-01-31").then().statusCode(403);
        get(Tokens.of("supervisor", "S9"), "2019-01-01", "2019-01-31").then().statusCode(403);
        get(Tokens.of("editor", "E9"), "2019-01-01", "2019-01-31").then().statusCode(403);
        get(Tokens.shopper("C-RPT"), "2019-01-01", "2019-01-31").then().statusCode(403);
        get(null, "2019-01-01", "2019-01-31").then().statusCode(401);
    }

    @Test
    void badRangesAreRefusedWithAClearError() {
        String m = Tokens.of("manager", "M1");
        get(m, null, "2019-01-31").then().statusCode(400).body("error", equalTo("missing_from"));
        get(m, "2019-01-01", null).then().statusCode(400).body("error", equalTo("missing_to"));
        get(m, "2019/01/01", "2019-01-31").then().statusCode(400).body("error", equalTo("invalid_from"))
                .body("message", containsString("2026-11-01"));
        get(m, "2019-01-01", "2019-02-30").then().statusCode(400).body("error", equalTo("invalid_to"));
        get(m, "2019-02-01", "2019-01-31").then().statusCode(400).body("error", equalTo("invalid_range"));
        get(m, "2019-01-01", "2019-04-03").then().statusCode(400).body("error", equalTo("range_too_long")) // 93 days
                .body("message", containsString("kefu.report.max-days"));
        get(m, "2019-01-01", "2019-04-02").then().statusCode(200); // 92 days, the most
    }
}

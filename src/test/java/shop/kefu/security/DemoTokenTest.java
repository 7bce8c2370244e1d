package shop.kefu.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DemoTokenTest {

    @Test
    void issuesATokenForEachRole() {
        for (String role : Roles.ALL) {
            given().contentType("application/json").body("{\"role\":\"" + role + "\",\"subject\":\"u1\"}")
                    .post("/api/demo/token").then().statusCode(200).body("token", notNullValue());
        }
    }

    @Test
    void refusesBadRequestsClearly() {
        given().contentType("application/json").body("{\"role\":\"root\",\"subject\":\"u1\"}")
                .post("/api/demo/token").then().statusCode(400);
        given().contentType("application/json").body("{\"role\":\"shopper\",\"subject\":\"a b<script>\"}")
                .post("/api/demo/token").then().statusCode(400);
        given().contentType("application/json").body("{\"role\":")
                .post("/api/demo/token").then().statusCode(400);
    }
}

package shop.kefu.support;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.restassured.response.Response;

/** Test data through the public API: orders (admin) and photo uploads (shopper). */
public final class Shop {
    private Shop() {
    }

    /** A 1×1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static void order(String orderId, String customerId, String category, OffsetDateTime deliveredAt, String... items) {
        List<String> json = new ArrayList<>();
        for (String item : items) {
            json.add(item);
        }
        given().auth().oauth2(Tokens.of("admin", "ADM")).contentType("application/json")
                .body("{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customerId + "\",\"category\":\"" + category
                        + "\",\"items\":[" + String.join(",", json) + "],\"status\":\"delivered\",\"deliveredAt\":\"" + deliveredAt + "\"}")
                .post("/api/admin/orders").then().statusCode(201);
    }

    public static String item(String sku, String name, int qty, String price, boolean custom) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"qty\":" + qty + ",\"price\":" + price + ",\"custom\":" + custom + "}";
    }

    public static String photo(String customerId) {
        return upload(Tokens.shopper(customerId), PNG, "image/png").then().statusCode(201).extract().path("id");
    }

    public static Response upload(String token, byte[] bytes, String type) {
        return given().auth().oauth2(token).multiPart("file", "photo.png", bytes, type).post("/api/attachments");
    }
}

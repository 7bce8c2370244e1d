package shop.kefu.eval;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import shop.kefu.support.ChatClient;
import shop.kefu.support.Shop;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/**
 * Runs eval/dialogues.txt through the chat API, each dialogue as a new shopper with fresh orders, and
 * reports the share that reach their expected end state. {@code ./mvnw test -Dtest=DialogueEvalTest}
 */
@QuarkusTest
@Tag("eval")
class DialogueEvalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Order templates: category, hours since delivery, item JSON. */
    private static final Map<String, Object[]> ORDERS = Map.ofEntries(
            Map.entry("strawberry", new Object[] { "fresh", 20, Shop.item("STRAW", "丹东草莓 500g", 2, "19.90", false) }),
            Map.entry("crab", new Object[] { "fresh", 6, Shop.item("CRAB", "阳澄湖大闸蟹 8只装", 1, "268.00", false) }),
            Map.entry("eggs", new Object[] { "fresh", 5, Shop.item("EGG", "土鸡蛋 30枚", 1, "36.00", false) }),
            Map.entry("milk", new Object[] { "fresh", 3, Shop.item("MILK", "鲜牛奶 950ml", 1, "15.80", false) }),
            Map.entry("oldapple", new Object[] { "fresh", 96, Shop.item("APPLE", "红富士苹果 5斤", 1, "39.90", false) }),
            Map.entry("fridge", new Object[] { "appliance", 72, Shop.item("FRIDGE", "双开门冰箱 520L", 1, "3999.00", false) }),
            Map.entry("tv", new Object[] { "appliance", 240,
                    "{\"sku\":\"TV\",\"name\":\"65英寸4K电视\",\"qty\":1,\"price\":2999,\"custom\":false,\"currentPrice\":2799}" }),
            Map.entry("washer", new Object[] { "appliance", 200 * 24, Shop.item("WASHER", "10公斤滚筒洗衣机", 1, "2499.00", false) }),
            Map.entry("microwave", new Object[] { "appliance", 40 * 24, Shop.item("MICRO", "变频微波炉", 1, "599.00", false) }),
            Map.entry("kettle", new Object[] { "appliance", 5 * 24, Shop.item("KETTLE", "电水壶 1.7L", 1, "129.00", false) }),
            Map.entry("wardrobe", new Object[] { "furniture", 48, Shop.item("WARDROBE", "定制衣柜 2.4米", 1, "5600.00", true) }),
            Map.entry("sofa", new Object[] { "furniture", 5 * 24, Shop.item("SOFA", "布艺三人沙发", 1, "3299.00", false) }),
            Map.entry("desk", new Object[] { "furniture", 20 * 24, Shop.item("DESK", "实木书桌", 1, "1299.00", false) }));

    @TestHTTPResource("/")
    URI base;

    record Dialogue(String name, List<String> orders, List<String> turns, String expected) {
    }

    @Test
    void dialoguesReachTheirExpectedEndState() throws Exception {
        List<Dialogue> dialogues = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("eval/dialogues.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split(" \\| ", 4);
            dialogues.add(new Dialogue(p[0].strip(), List.of(p[1].strip().split(",")), List.of(p[2].split("\\|\\|")), p[3].strip()));
        }
        int reached = 0;
        List<String> misses = new ArrayList<>();
        for (Dialogue d : dialogues) {
            String outcome = run(d);
            if (outcome.equals(d.expected())) {
                reached++;
            } else {
                misses.add(d.name() + ": expected '" + d.expected() + "', got '" + outcome + "'");
            }
        }
        double share = (double) reached / dialogues.size();
        System.out.printf("%nDialogue eval (eval/dialogues.txt): %d/%d dialogues reach their expected end state (%.1f%%)%n",
                reached, dialogues.size(), 100 * share);
        misses.forEach(m -> System.out.println("  MISS " + m));
        assertTrue(dialogues.size() >= 40, "at least 40 dialogues");
        assertTrue(share >= 0.9, "share reaching the end state: " + share + " " + misses);
    }

    private String run(Dialogue d) {
        String me = Ws.uniqueCustomer("DLG");
        for (String t : d.orders()) {
            Object[] o = ORDERS.get(t.strip());
            Shop.order(t.strip().toUpperCase() + "-" + me, me, (String) o[0], OffsetDateTime.now().minusHours((Integer) o[1]), (String) o[2]);
        }
        JsonNode last = null;
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(me))) {
            c.next("reply");
            for (String turn : d.turns()) {
                String text = turn.replace("[photo]", "").strip();
                var frame = JSON.createObjectNode().put("type", "message").put("id", "t" + System.nanoTime()).put("text", text.isEmpty() ? "图片" : text);
                if (turn.contains("[photo]")) {
                    frame.putArray("attachments").add(Shop.photo(me));
                }
                c.send(frame);
                c.next("ack");
                last = c.next("reply");
            }
            List<JsonNode> rest = c.drain(Duration.ofMillis(300));
            JsonNode handoff = c.received.stream().filter(n -> "handoff".equals(n.path("type").asText())).findFirst().orElse(null);
            JsonNode[] mine = given().auth().oauth2(Tokens.shopper(me)).get("/api/me/aftersales").then().extract().as(JsonNode[].class);
            if (d.expected().startsWith("handoff") && handoff != null) {
                return "handoff " + handoff.get("reason").asText();
            }
            if (mine.length == 1) {
                return "created " + mine[0].get("kind").asText() + " " + mine[0].get("status").asText();
            }
            if (mine.length > 1) {
                return "created " + mine.length + " orders";
            }
            if (handoff != null) {
                return "handoff " + handoff.get("reason").asText();
            }
            String text = last.get("text").asText();
            if (text.contains("已取消")) {
                return "cancelled";
            }
            if (!last.get("citations").isEmpty()) {
                return "answered";
            }
            if (last.get("quickReplies").toString().contains("转人工")) {
                return "rejected";
            }
            if (text.contains("已为您登记")) {
                return "visit";
            }
            return "other: " + text + rest;
        }
    }
}

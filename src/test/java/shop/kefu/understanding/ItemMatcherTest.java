package shop.kefu.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import shop.kefu.aftersales.Order;
import shop.kefu.policy.ClaimReason;

/** Which of a shopper's order lines a message means (no model, no Quarkus). */
class ItemMatcherTest {

    static final Lexicon LEXICON = new Lexicon(Map.of(), Map.of(), Map.of(), List.of(
            new Lexicon.Product("fresh", "水果", null, List.of("水果", "果子")),
            new Lexicon.Product("fresh", "芒果", "水果", List.of("芒果", "贵妃芒")),
            new Lexicon.Product("fresh", "草莓", "水果", List.of("草莓", "莓子")),
            new Lexicon.Product("fresh", "生鲜", null, List.of("生鲜")),
            new Lexicon.Product("furniture", "柜子", null, List.of("柜子")),
            new Lexicon.Product("furniture", "衣柜", "柜子", List.of("衣柜", "衣橱")),
            new Lexicon.Product("appliance", "大家电", null, List.of("大家电")),
            new Lexicon.Product("appliance", "空调", "大家电", List.of("空调", "挂机")),
            new Lexicon.Product("appliance", "冰箱", "大家电", List.of("冰箱")),
            new Lexicon.Product("fresh", "鸡蛋", null, List.of("鸡蛋", "蛋")),
            new Lexicon.Product("fresh", "蛋糕", "烘焙", List.of("蛋糕")),
            new Lexicon.Product("furniture", "椅子", null, List.of("椅子")),
            new Lexicon.Product("furniture", "电竞椅", "椅子", List.of("电竞椅"))),
            List.of("不", "没"), List.of("但是"), List.of("是齐的", "没问题", "好好的", "留着"), List.of(),
            new Lexicon.Delivery(List.of(), List.of(), List.of("到了", "收到"), List.of(), Lexicon.Absence.NONE));

    static final List<Order> ORDERS = List.of(
            order("2026112712345678", "fresh", item("MANGO", "海南贵妃芒 5斤装"), item("STRAW", "丹东草莓 500g")),
            order("JD20261127001", "furniture", item("WARD", "北欧衣橱 2门")),
            order("SO8842019375", "appliance", item("AC", "1.5匹变频挂机")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // message | reason | candidate skus (space-separated, best first) | unknown order | named
            "芒果烂了好几个 | SPOILED | MANGO | - | true",
            "水果坏了 | SPOILED | MANGO STRAW | - | true",
            "柜子门关不上 | QUALITY | WARD | - | true",
            "空调不制冷 | QUALITY | AC | - | true",
            "订单2026112712345678的草莓烂了 | SPOILED | STRAW | - | true",
            "单号jd20261127001有问题 | - | WARD | - | true",
            "SO8842019375 | - | AC | - | true",
            "尾号5678的芒果 | - | MANGO | - | true",
            "订单9999888877776666的草莓烂了 | SPOILED | STRAW | 9999888877776666 | true",
            "东西烂了 | SPOILED | MANGO STRAW | - | false",
            "我电话13812345678 芒果烂了 | SPOILED | MANGO | - | true",
            "快递单号SF1234567890123 芒果烂了 | SPOILED | MANGO | - | true",
            "不制冷了 | QUALITY | WARD AC | - | false",
            "型号KFR-35GW的说明书 | - | MANGO STRAW WARD AC | - | false",
            // of two items named, the one the message says is fine is not the one it is about
            "芒果少了两个 草莓倒是齐的 | MISSING | MANGO | - | true",
            "草莓没问题 芒果压坏了 | DAMAGED | MANGO | - | true",
            "草莓还是好好的 芒果压坏了 | DAMAGED | MANGO | - | true",
            "芒果留着 草莓不想要了 | NO_REASON | STRAW | - | true",
            // even when the fine one's name is matched far better
            "草莓少了一盒 海南贵妃芒倒是齐的 | MISSING | STRAW | - | true" })
    void matchesTheShoppersOwnLines(String message, String reason, String skus, String unknown, boolean named) {
        assertMatch(ORDERS, message, reason, skus, unknown, named);
    }

    /** The same products, with problem words: the clause that states the problem names the item. */
    static final Lexicon WITH_PROBLEMS = new Lexicon(Map.of("missing", List.of("没见着"), "spoiled", List.of("烂")), Map.of(), Map.of(),
            LEXICON.products(), List.of("不", "没"), List.of("但是"), List.of("没问题"), List.of(), LEXICON.delivery());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "草莓到了 芒果没见着 | MISSING | MANGO",
            "海南贵妃芒到了 草莓没见着 | MISSING | STRAW",
            "芒果 草莓 都烂了 | SPOILED | MANGO STRAW",
            "芒果烂了 | SPOILED | MANGO",
            // of goods said to be missing, one said to have come is not the one (spoiled goods come, then spoil)
            "芒果收到了 草莓呢 箱子里找不到 | MISSING | STRAW",
            "芒果收到了 草莓呢 都烂了 | SPOILED | MANGO STRAW",
            "芒果到了 少了两个 | MISSING | MANGO",
            // the arrival said first: what came ends its clause, and a negated arrival says it did not come
            "只收到草莓 芒果呢 一个都没见着 | MISSING | MANGO",
            "收到了两盒草莓 芒果呢 一个都没见着 | MISSING | MANGO",
            "没收到草莓 芒果倒是到了 | MISSING | STRAW",
            "收到草莓少了一盒 芒果倒是到了 | MISSING | STRAW" })
    void ofTwoItemsNamedTheOneInTheClauseWithTheProblem(String message, ClaimReason reason, String skus) {
        ItemMatcher.Match m = ItemMatcher.match(message, ORDERS, WITH_PROBLEMS, reason);
        assertEquals(List.of(skus.split(" ")), m.candidates().stream().map(c -> c.item().sku()).toList());
    }

    static final List<Order> MORE_ORDERS = List.of(
            order("2026112811112222", "fresh", item("EGGS", "山里土鸡蛋 20枚")),
            order("JD20261128003", "furniture", item("CHAIR", "人体工学办公椅")));

    /** One-character product words count against the shopper's own lines, not inside a longer word. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "20个蛋只来了15个 | MISSING | EGGS | - | true",
            "蛋糕化了 | SPOILED | EGGS | - | false" })
    void oneCharacterProductWords(String message, String reason, String skus, String unknown, boolean named) {
        assertMatch(MORE_ORDERS, message, reason, skus, unknown, named);
    }

    /** A broader word names everything under it, however many levels down: 小电器 a toothbrush through 个护电器. */
    @Test
    void aBroaderWordNamesEveryLineUnderIt() {
        Lexicon lexicon = new Lexicon(Map.of(), Map.of(), List.of(new Lexicon.Product("appliance", "小家电", null, List.of("小家电", "小电器")),
                new Lexicon.Product("appliance", "个护电器", "小家电", List.of("个护电器")),
                new Lexicon.Product("appliance", "电动牙刷", "个护电器", List.of("电动牙刷")),
                new Lexicon.Product("appliance", "剃须刀", "个护电器", List.of("剃须刀")),
                new Lexicon.Product("appliance", "大家电", null, List.of("大家电")), new Lexicon.Product("appliance", "冰箱", "大家电", List.of("冰箱"))),
                List.of("不", "没"), List.of("但是"), List.of(), List.of());
        List<Order> orders = List.of(order("XJD1127001", "appliance", item("BRUSH", "声波电动牙刷")),
                order("XJD1127002", "appliance", item("SHAVER", "往复式剃须刀")), order("XJD1127003", "appliance", item("FRIDGE", "双开门冰箱")));
        ItemMatcher.Match m = ItemMatcher.match("小电器充不上电了", orders, lexicon, ClaimReason.QUALITY);
        assertEquals(List.of("BRUSH", "SHAVER"), m.candidates().stream().map(c -> c.item().sku()).toList());
        assertTrue(m.named());
    }

    /** A wrong item names what came instead of what they bought: still a request about their own orders. */
    @Test
    void aWrongItemNamesWhatCame() {
        assertEquals(true, ItemMatcher.match("寄来一把电竞椅", MORE_ORDERS, LEXICON, null).elsewhere());
        assertEquals(false, ItemMatcher.match("寄来一把电竞椅 不是我订的", MORE_ORDERS, LEXICON, ClaimReason.WRONG_ITEM).elsewhere());
    }

    private static void assertMatch(List<Order> orders, String message, String reason, String skus, String unknown, boolean named) {
        ItemMatcher.Match m = ItemMatcher.match(message, orders, LEXICON, "-".equals(reason) ? null : ClaimReason.valueOf(reason));
        assertEquals(skus, String.join(" ", m.candidates().stream().map(c -> c.item().sku()).toList()));
        assertEquals(unknown, m.unknownOrder() == null ? "-" : m.unknownOrder());
        assertEquals(named, m.named());
    }

    static final List<Order> DINING_SET = List.of(order("YZ1128005", "furniture", item("TABLE", "实木餐桌"), item("CHAIRS", "实木餐椅")));

    /**
     * A problem stated while the only line named is said to be fine is about another line, called
     * something its name does not say (凳子 for 餐椅); a claim with the goods fine stays with the one named.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "有一张凳子腿松了 桌子没问题 | QUALITY | CHAIRS | false",
            "椅子晃 桌子没问题 | QUALITY | CHAIRS | true",
            "桌子没问题 就是不想要了 | NO_REASON | TABLE | true",
            "桌子没问题 | - | TABLE | true",
            // only the fine goods named: the problem is theirs after all
            "桌子没问题 就是有点晃 | QUALITY | TABLE | true" })
    void aLineSaidToBeFineIsNotTheOneWithTheProblem(String message, String reason, String skus, boolean named) {
        List<Lexicon.Product> products = List.of(new Lexicon.Product("furniture", "椅子", null, List.of("椅子")),
                new Lexicon.Product("furniture", "餐椅", "椅子", List.of("餐椅")), new Lexicon.Product("furniture", "凳子", "椅子", List.of("凳子")),
                new Lexicon.Product("furniture", "桌子", null, List.of("桌子")), new Lexicon.Product("furniture", "餐桌", "桌子", List.of("餐桌")));
        Lexicon lexicon = new Lexicon(Map.of(), Map.of(), products, List.of("不", "没"), List.of("就是"), List.of("没问题"), List.of());
        ItemMatcher.Match m = ItemMatcher.match(message, DINING_SET, lexicon, "-".equals(reason) ? null : ClaimReason.valueOf(reason));
        assertEquals(skus, String.join(" ", m.candidates().stream().map(c -> c.item().sku()).toList()));
        assertEquals(named, m.named());
    }

    @ParameterizedTest
    @CsvSource({ "冰箱坏了, true", "芒果坏了, false", "生鲜坏了, false" })
    void aProductTheShopperDidNotBuyIsElsewhere(String message, boolean elsewhere) {
        assertEquals(elsewhere, ItemMatcher.match(message, ORDERS, LEXICON, null).elsewhere());
    }

    private static Order order(String id, String category, Order.Item... items) {
        return new Order(id, "C1", category, List.of(items), "delivered", OffsetDateTime.now().minusDays(1));
    }

    private static Order.Item item(String sku, String name) {
        return new Order.Item(sku, name, 1, BigDecimal.TEN, false, null);
    }
}

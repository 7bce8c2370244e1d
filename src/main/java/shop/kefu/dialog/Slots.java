package shop.kefu.dialog;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import shop.kefu.aftersales.Order;
import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;

/** Reads after-sales details out of what a shopper wrote, in Chinese. Pure functions. */
public final class Slots {

    private Slots() {
    }

    private static final Pattern SPOILED = Pattern.compile("烂|变质|发霉|长毛|臭|馊|化了|化掉|软了|死了|不动了|发黑|坏掉|坏了一");
    private static final Pattern DAMAGED = Pattern.compile("破|碎|压坏|压扁|裂|磕|划痕|摔|漏液|断了");
    private static final Pattern WRONG = Pattern.compile("发错|错发|不是我买的|不是我要的|送错");
    private static final Pattern MISSING = Pattern.compile("少了|少发|漏发|没收到|缺了|少一|少件");
    private static final Pattern QUALITY = Pattern.compile("不制冷|不冷|故障|坏了|不工作|打不开|开不了|异响|噪音|质量|毛病|漏水|不加热|不出|黑屏|塌|晃|关不上|不排水");
    private static final Pattern NO_REASON = Pattern.compile("不想要|不喜欢|不合适|买多了|无理由|不要了|买错|用不上");
    private static final Pattern PRICE_DROP = Pattern.compile("降价|便宜了|价保|差价|价格保护");

    private static final Pattern REFUND = Pattern.compile("退款|退钱|返钱|赔钱|赔偿|赔");
    private static final Pattern RETURN = Pattern.compile("退货|退掉|退回|要退|退了");
    private static final Pattern REPLACEMENT = Pattern.compile("换货|换一|换个|换新|更换|给我换|要换|换掉");
    private static final Pattern RESHIP = Pattern.compile("补发|重发|再发|补上|补一");

    static final Pattern CONFIRM = Pattern.compile("^(确认|确定|是的|是|对|好的|好|可以|没问题|提交|确认提交|嗯|行|ok)[的吧啊呀!！。]*$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern CANCEL = Pattern.compile("算了|取消|不用了|不申请了|不退了|不换了|不要申请|先不|放弃");
    private static final Pattern UNUSED = Pattern.compile("没用过|没有用过|未使用|没拆|没开封|未拆封|全新|没安装|包装完好|是的|是");
    private static final Pattern USED = Pattern.compile("用过|用了|已使用|拆了|安装了|装好了|已经用");
    private static final Pattern HALF = Pattern.compile("一半");
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{3,63}");

    public static ClaimReason reason(String text) {
        if (PRICE_DROP.matcher(text).find()) {
            return ClaimReason.PRICE_DROP;
        }
        if (WRONG.matcher(text).find()) {
            return ClaimReason.WRONG_ITEM;
        }
        if (MISSING.matcher(text).find()) {
            return ClaimReason.MISSING;
        }
        if (SPOILED.matcher(text).find()) {
            return ClaimReason.SPOILED;
        }
        if (DAMAGED.matcher(text).find()) {
            return ClaimReason.DAMAGED;
        }
        if (QUALITY.matcher(text).find()) {
            return ClaimReason.QUALITY;
        }
        if (NO_REASON.matcher(text).find()) {
            return ClaimReason.NO_REASON;
        }
        return null;
    }

    /** Fresh goods spoil; appliances and furniture have quality problems: the same words, per category. */
    public static ClaimReason forCategory(ClaimReason r, String category) {
        if (r == null) {
            return null;
        }
        if (!"fresh".equals(category) && r == ClaimReason.SPOILED) {
            return ClaimReason.QUALITY;
        }
        if ("fresh".equals(category) && r == ClaimReason.QUALITY) {
            return ClaimReason.SPOILED;
        }
        return r;
    }

    public static ClaimKind kind(String text) {
        if (RESHIP.matcher(text).find()) {
            return ClaimKind.RESHIP;
        }
        if (REPLACEMENT.matcher(text).find()) {
            return ClaimKind.REPLACEMENT;
        }
        if (RETURN.matcher(text).find()) {
            return ClaimKind.RETURN;
        }
        if (REFUND.matcher(text).find()) {
            return ClaimKind.REFUND;
        }
        return null;
    }

    /** true / false when the shopper said whether the goods are unused; null when not said. */
    public static Boolean unused(String text) {
        if (USED.matcher(text).find() && !text.contains("没用过") && !text.contains("没有用过")) {
            return false;
        }
        return UNUSED.matcher(text).find() ? true : null;
    }

    public static double share(String text) {
        return HALF.matcher(text).find() ? 0.5 : 1.0;
    }

    /** The order item the text points at: an order id among the shopper's orders, or words of an item name. */
    public static Match item(String text, List<Order> orders) {
        Matcher m = ORDER_ID.matcher(text);
        while (m.find()) {
            for (Order o : orders) {
                if (o.orderId().equalsIgnoreCase(m.group())) {
                    return o.items().size() == 1 ? new Match(o, o.items().get(0)) : new Match(o, bestItem(text, o));
                }
            }
        }
        Match best = null;
        int bestScore = 0;
        for (Order o : orders) {
            for (Order.Item i : o.items()) {
                int score = overlap(text, i.name());
                if (score > bestScore) {
                    bestScore = score;
                    best = new Match(o, i);
                }
            }
        }
        return best;
    }

    /** Whether the text names an order id the shopper does not have (someone else's, or none at all). */
    public static String unknownOrderId(String text, List<Order> orders) {
        Matcher m = ORDER_ID.matcher(text);
        while (m.find()) {
            String id = m.group();
            boolean looksLikeAnId = id.chars().anyMatch(Character::isDigit) && id.chars().anyMatch(Character::isLetter);
            if (looksLikeAnId && orders.stream().noneMatch(o -> o.orderId().equalsIgnoreCase(id))) {
                return id;
            }
        }
        return null;
    }

    private static Order.Item bestItem(String text, Order o) {
        Order.Item best = o.items().get(0);
        int bestScore = 0;
        for (Order.Item i : o.items()) {
            int s = overlap(text, i.name());
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        return best;
    }

    /** Longest run of the item name's Chinese characters (two or more) that the text contains. */
    static int overlap(String text, String name) {
        int best = 0;
        for (int len = Math.min(6, name.length()); len >= 2; len--) {
            for (int i = 0; i + len <= name.length(); i++) {
                String part = name.substring(i, i + len);
                if (part.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) && text.contains(part)) {
                    return len;
                }
            }
        }
        return best;
    }

    public record Match(Order order, Order.Item item) {
    }
}

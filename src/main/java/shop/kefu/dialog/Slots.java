package shop.kefu.dialog;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

import shop.kefu.aftersales.Order;
import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;

/**
 * The few exact shortcuts the after-sales flow keeps in front of the trained understanding: the answers
 * its own quick replies and questions invite (确认, 算了, 是的), and "一半"; and the reason a request has
 * for the order it is about (per category, by the time since delivery, or implied by what was said).
 * Everything else a shopper says is read by {@code understanding.Reader}.
 */
final class Slots {

    private Slots() {
    }

    static final Pattern CONFIRM = Pattern.compile("^(确认|确定|是的|是|对|好的|好|可以|没问题|提交|确认提交|嗯|行|ok)[的吧啊呀!！。]*$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern CANCEL = Pattern.compile("算了|取消|不用了|不申请了|不退了|不换了|不要申请|先不|放弃");
    /** A bare yes / no to "请问商品还没有使用过吗？". */
    private static final Pattern BARE_YES = Pattern.compile("^(是|是的|对|对的|嗯|没有|没|没用过|没用)[的吧啊呀!！。]*$");
    private static final Pattern BARE_NO = Pattern.compile("^(不是|用过|用过了|已经用过了|用了)[的吧啊呀!！。]*$");
    private static final Pattern HALF = Pattern.compile("一半");

    /** The answer to the unused question when it is a bare yes or no; null otherwise. */
    static Boolean bareUnused(String text) {
        String t = text.strip();
        if (BARE_YES.matcher(t).matches()) {
            return true;
        }
        return BARE_NO.matcher(t).matches() ? false : null;
    }

    static double share(String text) {
        return HALF.matcher(text).find() ? 0.5 : 1.0;
    }

    /**
     * Damage to goods that last is damage on delivery ("送来就裂了"): it shows when they are unpacked or
     * installed, within days. A crack or a broken board reported weeks after delivery is a fault that showed
     * in use, a quality problem ("床板断了一根 才睡了四个月"). The policy engine grants both alike; this is
     * about the reason recorded and shown to the shopper and the agent.
     */
    static final Duration DAMAGE_FOUND_WITHIN = Duration.ofDays(7);

    /** The reason as it applies to this order: per category, and damage found long after delivery is a quality problem. */
    static ClaimReason forOrder(ClaimReason r, Order order, OffsetDateTime now) {
        ClaimReason reason = forCategory(r, order.category());
        boolean lasting = !"fresh".equals(order.category());
        if (reason == ClaimReason.DAMAGED && lasting && order.deliveredAt() != null
                && order.deliveredAt().plus(DAMAGE_FOUND_WITHIN).isBefore(now)) {
            return ClaimReason.QUALITY;
        }
        return reason;
    }

    /**
     * The reason a request implies when the shopper named none: goods said to be unused, going back
     * ("茶几我要退 东西没动过 纸箱都留着"). Whether goods are unused matters only to a no-reason return, so
     * that is the request (and the confirmation shows it, to be cancelled if not). Fresh goods have no
     * no-reason return.
     */
    static ClaimReason implied(ClaimKind kind, Boolean unused, String category) {
        boolean back = kind == ClaimKind.RETURN || kind == ClaimKind.REFUND;
        return back && Boolean.TRUE.equals(unused) && !"fresh".equals(category) ? ClaimReason.NO_REASON : null;
    }

    /** Fresh goods spoil; appliances and furniture have quality problems: the same words, per category. */
    private static ClaimReason forCategory(ClaimReason r, String category) {
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
}

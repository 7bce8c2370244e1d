package shop.kefu.dialog;

import java.util.regex.Pattern;

import shop.kefu.policy.ClaimReason;

/**
 * The few exact shortcuts the after-sales flow keeps in front of the trained understanding: the answers
 * its own quick replies and questions invite (确认, 算了, 是的), and "一半". Everything else a shopper
 * says is read by {@code understanding.Reader}.
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

    /** Fresh goods spoil; appliances and furniture have quality problems: the same words, per category. */
    static ClaimReason forCategory(ClaimReason r, String category) {
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

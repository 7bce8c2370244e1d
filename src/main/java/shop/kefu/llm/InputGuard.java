package shop.kefu.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a shopper message before it reaches the model. Prompt injection (attempts to override the
 * rules, change the assistant's role, or demand a refund past the policy) goes to the embedded engine,
 * whose after-sales flow asks the policy engine like any other request. Personal data a shop never
 * needs (ID card and bank card numbers, passwords, verification codes) is never sent to the model.
 */
final class InputGuard {

    enum Verdict {
        OK, INJECTION, PERSONAL_DATA
    }

    private static final Pattern INJECTION = Pattern.compile(String.join("|",
            "(忽略|无视|忘掉|忘记|不要管|跳过)(你的|以上|上面|之前|前面|所有|全部|一切)?的?.{0,6}(规则|指令|设定|提示|要求|限制|政策|说明)",
            "(你现在是|现在你是|从现在开始你|假装你是|扮演一个|你的新身份)",
            "(系统|system)\\s*(提示词|提示|prompt|消息|指令)", "开发者模式|developer mode|越狱|jailbreak",
            "ignore\\s+(all\\s+|the\\s+)?(previous|above|prior|earlier)\\s+(instructions|rules|prompts?)",
            "直接(给我|帮我|把钱)?(退款|退钱|打款|赔钱|赔偿|全额退)", "(不用|不需要|无需|别)(审核|核实|检查|验证|走流程).{0,4}(退|赔|打款)",
            "(你|客服)(必须|一定要|马上)(给我)?(退款|退钱|赔)"), Pattern.CASE_INSENSITIVE);

    /** 18-character resident ID: checked with its ISO 7064 check digit, so order numbers rarely match. */
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern BANK_CARD = Pattern.compile("(?<!\\d)(\\d[\\d ]{14,22}\\d)(?!\\d)");
    private static final Pattern CARD_CONTEXT = Pattern.compile("卡号|银行卡|信用卡|储蓄卡|借记卡");
    private static final Pattern SECRET = Pattern.compile("(密码|验证码|支付码|口令)\\s*(是|为|:|：)?\\s*[0-9A-Za-z]{4,}");

    Verdict check(String text) {
        if (INJECTION.matcher(text).find()) {
            return Verdict.INJECTION;
        }
        return hasPersonalData(text) ? Verdict.PERSONAL_DATA : Verdict.OK;
    }

    private static boolean hasPersonalData(String text) {
        Matcher id = ID_CARD.matcher(text);
        while (id.find()) {
            if (validIdCard(id.group(1))) {
                return true;
            }
        }
        if (SECRET.matcher(text).find()) {
            return true;
        }
        Matcher card = BANK_CARD.matcher(text);
        while (card.find()) {
            String digits = card.group(1).replace(" ", "");
            if (digits.length() >= 16 && digits.length() <= 19 && luhn(digits)
                    && (CARD_CONTEXT.matcher(text).find() || digits.startsWith("62"))) {
                return true;
            }
        }
        return false;
    }

    static boolean validIdCard(String id) {
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        String checks = "10X98765432";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        return Character.toUpperCase(id.charAt(17)) == checks.charAt(sum % 11);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}

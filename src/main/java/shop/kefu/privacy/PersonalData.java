package shop.kefu.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data a shop never needs in a chat: resident ID card numbers, bank card numbers, passwords
 * and verification codes. Shopper text is masked with {@link #mask} where it enters the service, so the
 * original is stored nowhere (log, transcripts, summaries, model memory) and no engine or agent sees it.
 *
 * <p>The markers are part of what is stored, not reply templates: a stored message keeps the marker it
 * was masked with, and {@link #masked} recognises it in any later turn, so they are fixed here.
 */
public final class PersonalData {

    public static final String ID_CARD_MARK = "[身份证号已隐藏]";
    public static final String BANK_CARD_MARK = "[银行卡号已隐藏]";
    public static final String SECRET_MARK = "[已隐藏]";

    /** 18-character resident ID: checked with its ISO 7064 check digit, so order numbers rarely match. */
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern BANK_CARD = Pattern.compile("(?<!\\d)(\\d[\\d ]{14,22}\\d)(?!\\d)");
    private static final Pattern CARD_CONTEXT = Pattern.compile("卡号|银行卡|信用卡|储蓄卡|借记卡|卡號|銀行卡|儲蓄卡|借記卡|信用咭"); // and as Hong Kong and Taiwan write them
    private static final Pattern SECRET = Pattern.compile("((?:密码|验证码|支付码|口令|密碼|驗證碼|支付碼)\\s*(?:是|为|為|係|:|：)?\\s*)([0-9A-Za-z]{4,})");
    private static final Pattern MARKS = Pattern.compile(
            Pattern.quote(ID_CARD_MARK) + "|" + Pattern.quote(BANK_CARD_MARK) + "|" + Pattern.quote(SECRET_MARK));

    private PersonalData() {
    }

    /** The text with every ID card number, bank card number, password and code replaced by a marker. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(ID_CARD.matcher(text), m -> validIdCard(m.group(1)) ? ID_CARD_MARK : null);
        boolean cardContext = CARD_CONTEXT.matcher(out).find();
        out = replace(BANK_CARD.matcher(out), m -> bankCard(m.group(1).replace(" ", ""), cardContext) ? BANK_CARD_MARK : null);
        return replace(SECRET.matcher(out), m -> m.group(1) + SECRET_MARK);
    }

    /** Whether the text carries a marker of {@link #mask}: the shopper sent personal data. */
    public static boolean masked(String text) {
        return text != null && MARKS.matcher(text).find();
    }

    private static boolean bankCard(String digits, boolean cardContext) {
        return digits.length() >= 16 && digits.length() <= 19 && luhn(digits) && (cardContext || digits.startsWith("62"));
    }

    /** Replaces each match by what {@code by} returns; a null keeps the match as it is. */
    private static String replace(Matcher m, java.util.function.Function<Matcher, String> by) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = by.apply(m);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        return m.appendTail(out).toString();
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

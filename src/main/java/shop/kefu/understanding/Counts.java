package shop.kefu.understanding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "下了两箱 就到了一箱", "只有8个 说好的10个", "订了六瓶 来了四瓶", "写着8袋 才6袋": fewer came than were ordered, said
 * with two counts of one unit and no word for "missing" at all. A shape rather than a word list, so it
 * holds for any goods, unit and number; the classifier alone reads such a message as naming no problem
 * (its words are a product, numbers and "到了") and the shopper is asked what went wrong after saying it.
 * Narrow on purpose, because a missing claim is granted more readily than most: the smaller count must
 * follow an arrival ("到了", "来了", "收到") or an "only" ("只有", "才", "就") directly and end its clause.
 * Two counts alone are as often two items bought ("买了两台 一台装客厅"), one kept ("只留一台"), one of them with a problem
 * ("只有两个是好的", "就一个不亮"), or more come than ordered ("我只买了一箱 发了两箱").
 */
final class Counts {

    /**
     * Units that count or weigh goods, or the kinds in a set (样, 种: "五样菜"); not time (月, 天), which says
     * how long ago, nor sizes, nor 块, which is as often money ("买的时候199块").
     */
    private static final Pattern QUANTITY = Pattern.compile(
            "([0-9]+(?:\\.[0-9]+)?|[零一二两三四五六七八九十百半]+)多?(个|箱|盒|袋|瓶|斤|件|只|包|份|罐|桶|把|张|台|根|颗|串|条|双|套|提|听|支|枚|粒|棵|扎|板|样|种|穗|公斤|千克|kg)");
    /**
     * Besides an arrival (markers.txt, arrived), what the count that came may follow directly: only so many
     * there ("只有8个", "才6袋", "就三种"). The count must still end its clause: "就一个不亮" is one faulty;
     * and 才 or 就 right after 的 picks some of the goods out ("软的就3个"), it does not count what came.
     */
    private static final List<String> ONLY = List.of("只有", "才", "就");
    /**
     * A verb of arriving between the "only" and the count ("才到一台", "就来了两箱"); not of sending: "才发一台"
     * may still be followed by the rest, and "买三箱就送一箱" is a promotion.
     */
    private static final Pattern ONLY_VERB = Pattern.compile("(到|来|收到)了?$");
    /**
     * What may end the clause after the count that came: nothing, or a particle ("就到了一箱啊"); not 吧, which
     * asks for that many ("就来一个吧").
     */
    private static final Pattern CLAUSE_END = Pattern.compile("^[多了呢啊呀嘛哦啦的]*([，,。.！!？?；;~～… ]|$)");
    /**
     * After a count, what makes it a pack size rather than how many came ("10斤一袋的", "5斤装", "5斤那种"):
     * two pack sizes are other goods, not fewer of them.
     */
    private static final Pattern PACK = Pattern.compile("^(的?一[个箱盒袋瓶包罐桶提]|装|的?那种|的?那款|的?规格)");
    private static final Pattern SAME = Pattern.compile("一[样种]");
    /** After a count, what makes it a time ("两个月", "三个多星期"): how long ago, not how many. */
    private static final Pattern TIME = Pattern.compile("^多?(月|星期|礼拜|小时|钟头|工作日)");

    private Counts() {
    }

    private record Quantity(double value, String unit, int start, String said) {
    }

    /**
     * What came, cue and count ("到了一箱" in "下了两箱 就到了一箱"), when the text (normalised) says fewer
     * came than were ordered by two counts of one unit; null when it does not. {@code arrived}: the words
     * saying goods came (markers.txt).
     */
    static String shortfall(String text, List<String> arrived) {
        List<Quantity> qs = quantities(text);
        for (int i = 0; i < qs.size(); i++) {
            for (int j = i + 1; j < qs.size(); j++) {
                Quantity a = qs.get(i);
                Quantity b = qs.get(j);
                Quantity fewer = a.value() < b.value() ? a : b;
                String cue = a.unit().equals(b.unit()) && a.value() != b.value() ? came(text, fewer, arrived) : null;
                if (cue != null) {
                    return cue + fewer.said();
                }
            }
        }
        return null;
    }

    /** The arrival the count directly follows, when the count also ends its clause; null otherwise. */
    private static String came(String text, Quantity q, List<String> arrived) {
        String before = text.substring(0, q.start());
        String after = text.substring(q.start() + q.said().length());
        if (!CLAUSE_END.matcher(after).find()) {
            return null;
        }
        String beforeVerb = ONLY_VERB.matcher(before).replaceFirst(""); // "才到一台", "就来了两箱"
        for (String only : ONLY) {
            if (beforeVerb.endsWith(only) && !beforeVerb.endsWith("的" + only)) {
                return before.substring(beforeVerb.length() - only.length());
            }
        }
        return arrived.stream().filter(before::endsWith).max(Comparator.comparingInt(String::length)).orElse(null);
    }

    private static List<Quantity> quantities(String text) {
        List<Quantity> out = new ArrayList<>();
        Matcher m = QUANTITY.matcher(text);
        while (m.find()) {
            double v = value(m.group(1));
            String after = text.substring(m.end());
            // 一样 and 一种 say "the same" and "a kind of" as often as one of a set
            if (v > 0 && !PACK.matcher(after).find() && !TIME.matcher(after).find() && !SAME.matcher(m.group()).matches()) {
                out.add(new Quantity(v, m.group(2), m.start(), m.group()));
            }
        }
        return out;
    }

    /** Arabic or Chinese numerals up to the hundreds ("两", "十二", "二十", "一百零五"); 0 when unreadable. */
    static double value(String n) {
        if (Character.isDigit(n.charAt(0))) {
            return Double.parseDouble(n);
        }
        if (n.equals("半")) {
            return 0.5;
        }
        double total = 0;
        double digit = 0;
        for (char c : n.toCharArray()) {
            int d = "零一二三四五六七八九".indexOf(c);
            if (c == '两') {
                d = 2;
            }
            if (d >= 0) {
                digit = d;
            } else if (c == '十') {
                total += (digit == 0 ? 1 : digit) * 10;
                digit = 0;
            } else if (c == '百') {
                total += (digit == 0 ? 1 : digit) * 100;
                digit = 0;
            } else {
                return 0;
            }
        }
        return total + digit;
    }
}

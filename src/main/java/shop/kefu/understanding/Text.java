package shop.kefu.understanding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import shop.kefu.knowledge.QuestionText;

/**
 * Reads one message the way the classifier needs it: clauses, the clause that carries the point after
 * a contrast ("东西是好的，就是不想要了"), lexicon words and whether each is negated ("不是质量问题",
 * "没坏"), and the sparse features built from all of that. Marking negation scope and the focus clause
 * is the classic way to let a linear model over n-grams tell "坏了" from "没坏" without a rule per word.
 */
final class Text {

    /** Characters after a negator that it still negates ("没有任何质量问题"). */
    private static final int NEGATION_REACH = 4;
    private static final String SEPARATORS = "，,。.！!？?；;：:~～…\n\r\t 、";
    /** Cues of a question, as grammar rather than vocabulary: the model learns how much they weigh. */
    private static final List<String> QUESTION_CUES = List.of("吗", "什么", "怎么", "咋", "如何", "为啥", "多久", "多长",
            "几天能", "要几天", "能不能", "可不可以", "可以吗", "是不是", "有没有", "哪里", "哪些", "啥时候", "点算", "点样", "?",
            "哪天", "哪个", "哪种", "几号", "来着", "怎样");
    /** 多少 asking how many ("价保是多少天"), not 多多少少, 没多少 (hardly any) or 多少有点 (somewhat). */
    private static final Pattern HOW_MANY = Pattern.compile("(?<![多没])多少(?![少有])");
    /**
     * A size that tells goods apart (1.5米, 55寸, 3l, 1.5匹, 一米八); weights and counts say how much came, not
     * what.
     */
    private static final Pattern SIZE = Pattern.compile("[0-9][0-9.]*(米|寸|升|l|码|cm|匹|瓦|w)|[一两二三]米[一二三四五六七八九]?");
    /** "不是说好两天到吗", "不是说好包邮的吗": what was promised, recalled as a question that asks nothing. */
    private static final Pattern REPROACH = Pattern.compile("(?<!是)(不是说好?|不是讲好?|不是写着|说好的?不是)[^吗嘛?]*[吗嘛]");
    /** What may close a clause after a gone word ("遥控器没有啦"), and stand before it ("压根就没有", "一颗都没有"). */
    private static final Pattern AFTER_GONE = Pattern.compile("[了啊呀哦啦喔]+$");
    private static final Pattern BEFORE_GONE = Pattern.compile("(一[个颗根条只套把张块台])?(压根|根本|完全|也|都)?就?$");
    /** Said right before goods, they ask or tell what comes with them: "带遥控器没有", "有没有送支架". */
    private static final String OFFERED = "有带送配";
    /** Before 来的 or 来了, a word of its own: 原来的, 后来的, 本来的. */
    private static final String NOT_CAME = "原后本起出过回上下进将";
    /** Between a marker and the colour it is about: "送来的是黑色", "全是白的"; anything else says more ("有点偏黄色"). */
    private static final String BEFORE_COLOUR = "是的了都全成";
    /** After a colour, a mark of it rather than the goods' colour: "红的印子", "黑色划痕". */
    private static final String COLOUR_MARK = "印痕斑点划渍污块";
    /** Characters between the ordered and the came marker, and after the came marker, that name the goods. */
    private static final int SWAP_REACH = 10;
    /**
     * Asking to change to another size or colour ("想换个1米8的", "换成一个白色的", "换一张两米的"): after 换, one of
     * 成/为/到, a measure word (with 一 or not) and 更, each or none, then a size, a comparative or a colour.
     * Other goods wanted, nothing wrong with these; "换个好的", "换个新的" name no variant and say nothing of why.
     */
    private static final Pattern TO_VARIANT = Pattern.compile("换[成为到]?(一?[个张台款件套])?更?");
    /** A size in digits or Chinese numerals, with the units shoppers type ("1米8", "两米", "65英寸", "1.5p"). */
    private static final Pattern VARIANT_SIZE = Pattern.compile("^([0-9][0-9.]*|[一二两三四五六七八九十]+)(米|英寸|寸|升|l|码|cm|m|匹|p|瓦|w)");
    /** Bigger or smaller, by how much or by a size step (大一点, 小一号, 大一码) or plainly (大的). */
    private static final Pattern COMPARATIVE = Pattern.compile("^(大|小|长|短|高|矮|宽|窄)(一|1)?(点|些|号|码|寸|的)");
    /** Words after which a negation no longer reaches: "用了没几天就坏了" says it broke. */
    private static final String NEGATION_STOPS = "就才又要却";
    /** What may stand between a word and a phrase saying it is fine ("质量也没问题", "蓝莓倒是没事"): up to two of these. */
    private static final String FINE_GAP = "也都还倒是";

    private Text() {
    }

    /**
     * Whether one clause asks something rather than states it: a question cue, one of the A-not-A forms
     * {@code whether} (markers.txt: "会不会裂", "有冇"), 多少 ("价保是多少天"), or a closing 么 ("正常么", not
     * 什么 or 怎么) or 不 ("正常不", "能退不"). A closing 呢 is left out: "牛奶呢" in "面包收到了 牛奶呢
     * 袋子里压根没有" says where the milk is not. Nor does a reproach that only looks like a question ("不是说好两天到吗":
     * what was promised, said to hold the shop to it).
     */
    static boolean asks(String clause, List<String> whether) {
        String c = clause.endsWith("?") ? clause.substring(0, clause.length() - 1) : clause;
        Matcher reproach = REPROACH.matcher(c);
        if (reproach.find()) { // what follows the promise may still ask ("…吗 那我现在可以退吗")
            return asks(c.substring(0, reproach.start()) + c.substring(reproach.end()), whether);
        }
        return QUESTION_CUES.stream().anyMatch(clause::contains) || whether.stream().anyMatch(c::contains) || HOW_MANY.matcher(c).find()
                || c.endsWith("么") && !c.endsWith("什么") && !c.endsWith("怎么") || c.length() > 1 && c.endsWith("不");
    }

    /** Full-width forms to half-width, lower case, emoji and laughter out, runs of spaces to one. */
    static String normalise(String s) {
        // emoji and laughter read as a space: left in, they end a message instead of its words ("外机呢😭"
        // no longer closed on 呢, "退钱哈哈" on 退钱; ReaderEvalTest)
        String t = QuestionText.withoutMood(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        return t.strip().replaceAll("\\s+", " ");
    }

    /**
     * A lexicon word found in the message. {@code focus}: in or after a contrast clause. {@code second}: the
     * phrase was read for another list already ("不要了": no reason given, then a return); such a reading
     * fills a detail the classifier left empty but is no feature of it, whose training saw the first only.
     * {@code end}: where the word ends in its clause, or -1 for a reading of the message's shape.
     */
    record Hit(Lexicon.Word word, int clause, boolean negated, boolean focus, boolean second, int end) {

        /** A reading of the message's shape rather than of a word: it has no place in its clause. */
        Hit(Lexicon.Word word, int clause, boolean negated, boolean focus) {
            this(word, clause, negated, focus, false, -1);
        }
    }

    record Clause(String text, boolean focus, boolean[] negated) {
    }

    record Analysis(String text, List<Clause> clauses, List<Hit> hits, boolean question) {

        /** Sparse features: n-grams (marked when negated or in focus), lexicon hits, question cue. */
        List<String> features() {
            List<String> f = new ArrayList<>();
            for (Clause c : clauses) {
                String t = c.text();
                for (int i = 0; i < t.length(); i++) {
                    String neg = c.negated()[i] ? "n" : "";
                    add(f, c.focus(), neg + "u:" + t.charAt(i));
                    if (i + 1 < t.length()) {
                        add(f, c.focus(), neg + "b:" + t.substring(i, i + 2));
                    }
                }
            }
            for (Hit h : hits) {
                if (h.second()) {
                    continue;
                }
                add(f, h.focus(), "L:" + h.word().list() + ":" + h.word().label() + (h.negated() ? ":neg" : ""));
            }
            if (question) {
                f.add("Q");
            }
            f.add(text.length() <= 6 ? "len:short" : text.length() <= 20 ? "len:mid" : "len:long");
            return f;
        }

        private static void add(List<String> f, boolean focus, String feature) {
            f.add(feature);
            if (focus) {
                f.add("F" + feature);
            }
        }

        /** Labels of one lexicon list found positively, focus clauses first (the point of the message). */
        List<String> positive(String list) {
            List<String> focus = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (Hit h : hits) {
                if (h.word().list().equals(list) && !h.negated()) {
                    (h.focus() ? focus : rest).add(h.word().label());
                }
            }
            focus.addAll(rest);
            return focus;
        }

        boolean negatedOnly(String list, String label) {
            boolean neg = false;
            for (Hit h : hits) {
                if (h.word().list().equals(list) && h.word().label().equals(label)) {
                    if (!h.negated()) {
                        return false;
                    }
                    neg = true;
                }
            }
            return neg;
        }
    }

    static Analysis analyse(String message, Lexicon lexicon) {
        String text = normalise(message);
        List<Clause> clauses = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        boolean focus = false;
        for (String part : splitClauses(text)) {
            for (String piece : splitContrast(part, lexicon)) {
                if (piece.isEmpty()) {
                    continue;
                }
                focus |= startsWithAny(piece, lexicon.contrasts());
                int index = clauses.size();
                Clause c = clause(piece, focus, lexicon, hits, index);
                clauses.add(c);
            }
        }
        if (swapped(text, lexicon)) {
            // in the clause naming what was ordered: that is the shopper's item, the one the claim is about
            int ordered = 0;
            while (ordered + 1 < clauses.size() && lexicon.delivery().ordered().stream().noneMatch(clauses.get(ordered).text()::contains)) {
                ordered++;
            }
            hits.add(new Hit(new Lexicon.Word("reason", "wrong_item", "(ordered, other goods came)"), ordered, false, clauses.get(ordered).focus()));
        }
        for (int i = 0; i < clauses.size(); i++) {
            if (absentAtEnd(clauses.get(i).text(), lexicon)) {
                hits.add(new Hit(new Lexicon.Word("reason", "missing", "(a part or box named, then gone)"), i, false, clauses.get(i).focus()));
            }
        }
        // another variant wanted, when no problem is stated: "掉色了 想换个黑色的" is about the fading
        boolean problemStated = hits.stream().anyMatch(h -> h.word().list().equals("reason") && !h.negated());
        String variant = problemStated ? null : toVariant(text, lexicon); // the whole text: "1.8米" spans a clause break
        if (variant != null) {
            int asked = 0;
            while (asked + 1 < clauses.size() && !clauses.get(asked).text().contains(variant)) {
                asked++;
            }
            hits.add(new Hit(new Lexicon.Word("reason", "no_reason", "(another size or colour wanted)"), asked, false, clauses.get(asked).focus()));
        }
        String fewer = Counts.shortfall(text, lexicon.delivery().arrived());
        if (fewer != null && hits.stream().noneMatch(h -> h.word().list().equals("reason") && !h.negated())) {
            // fewer came than were ordered, in no word of the lexicon: missing, in the clause of what came
            int came = 0;
            while (came + 1 < clauses.size() && !clauses.get(came).text().contains(fewer)) {
                came++;
            }
            hits.add(new Hit(new Lexicon.Word("reason", "missing", "(fewer came than ordered)"), came, false, clauses.get(came).focus()));
        }
        boolean question = QUESTION_CUES.stream().anyMatch(text::contains) || text.endsWith("呢");
        return new Analysis(text, clauses, hits, question);
    }

    private static Clause clause(String t, boolean focus, Lexicon lexicon, List<Hit> hits, int index) {
        boolean[] taken = new boolean[t.length()];
        lexicon.contrasts().stream().filter(t::startsWith).findFirst().ifPresent(c -> mark(taken, 0, c.length())); // 不过 negates nothing
        record Found(Lexicon.Word word, int start, int end, boolean second) {
        }
        // every occurrence of a lexicon word, then the longest ones first, each place in the text used once
        List<Found> all = new ArrayList<>();
        for (int i = 0; i < t.length(); i++) {
            for (Lexicon.Word w : lexicon.startingWith(t.charAt(i))) {
                int end = end(t, i, w, lexicon);
                if (end > 0) {
                    all.add(new Found(w, i, end, false));
                }
            }
        }
        // an ignored word (不对劲, 多少) is not read as the words inside it, unless a longer lexicon word
        // holds it whole (味道不对劲 is spoiled)
        for (String w : lexicon.ignored()) {
            for (int at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + 1)) {
                int from = at;
                int to = at + w.length();
                if (all.stream().noneMatch(f -> f.start() <= from && f.end() >= to && f.end() - f.start() > w.length())) {
                    mark(taken, from, to);
                }
            }
        }
        all.sort(Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed().thenComparingInt(Found::start));
        List<Found> found = new ArrayList<>();
        for (Found f : all) {
            if (!any(taken, f.start(), f.end())) {
                mark(taken, f.start(), f.end());
                found.add(f);
            } else if (found.stream().anyMatch(g -> g.start() == f.start() && g.end() == f.end() && !g.word().list().equals(f.word().list()))) {
                found.add(new Found(f.word(), f.start(), f.end(), true)); // listed for a reason and for a kind: says both
            }
        }
        boolean[] negated = new boolean[t.length()];
        List<int[]> negators = new ArrayList<>();
        for (String n : lexicon.negators()) {
            int from = 0;
            int at;
            while ((at = t.indexOf(n, from)) >= 0) {
                int end = at + n.length();
                if (!any(taken, at, end)) {
                    mark(taken, at, end);
                    negators.add(new int[] { at, end });
                    for (int i = end; i < Math.min(t.length(), end + NEGATION_REACH); i++) {
                        negated[i] = true;
                    }
                }
                from = at + 1;
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        for (Found f : found) {
            boolean neg = negators.stream().anyMatch(n -> n[1] <= f.start() && f.start() - n[1] < NEGATION_REACH
                    && t.substring(n[1], f.start()).chars().noneMatch(c -> NEGATION_STOPS.indexOf(c) >= 0))
                    || fineAfter(t, f.end(), lexicon);
            hits.add(new Hit(f.word(), index, neg, focus, f.second(), f.end()));
        }
        return new Clause(t, focus, negated);
    }

    /**
     * Where the word found at {@code at} ends, or -1 when it is not there: a split word's parts within the
     * gap, and no negator between them ("质量也不差" is not 质量…差).
     */
    private static int end(String t, int at, Lexicon.Word w, Lexicon lexicon) {
        if (!t.startsWith(w.head(), at)) {
            return -1;
        }
        int from = at + w.head().length();
        if (w.tail() == null) {
            return from;
        }
        int tail = t.indexOf(w.tail(), from);
        if (tail < 0 || tail - from > Lexicon.GAP) {
            return -1;
        }
        String gap = t.substring(from, tail);
        return lexicon.negators().stream().anyMatch(gap::contains) ? -1 : tail + w.tail().length();
    }

    /**
     * "我点的是菠菜 送来的是油麦菜", "买的55寸 送来50寸": what the shopper ordered, then other goods that
     * came. Both sides must name the goods, by product words or by a size, and they must differ: another
     * product type, neither a kind of the other ("买的猕猴桃 到的果子都烂了" is the same fruit), or
     * another size. A shape, so it holds for goods nobody listed together; counts and weights ("订的10个
     * 送来8个") say missing, couriers and states ("发的是顺丰", "送来的是坏的") name no goods.
     */
    static boolean swapped(String text, Lexicon lexicon) {
        for (String o : lexicon.delivery().ordered()) {
            for (int at = text.indexOf(o); at >= 0; at = text.indexOf(o, at + 1)) {
                int from = at + o.length();
                for (String c : lexicon.delivery().came()) {
                    for (int came = text.indexOf(c, from); came >= 0 && came - from <= SWAP_REACH; came = text.indexOf(c, came + 1)) {
                        if (c.startsWith("来") && came > 0 && NOT_CAME.indexOf(text.charAt(came - 1)) >= 0) {
                            continue;
                        }
                        int end = Math.min(text.length(), came + c.length() + SWAP_REACH);
                        if (differ(text.substring(from, came), text.substring(came + c.length(), end), lexicon)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Sizes, colours or product types named on both sides, and different: any one of them is enough. */
    private static boolean differ(String ordered, String came, Lexicon lexicon) {
        List<String> orderedSizes = sizes(ordered);
        List<String> cameSizes = sizes(came);
        if (!orderedSizes.isEmpty() && !cameSizes.isEmpty() && orderedSizes.stream().noneMatch(cameSizes::contains)) {
            return true;
        }
        String orderedColour = leadingColour(ordered, lexicon);
        String cameColour = leadingColour(came, lexicon);
        if (orderedColour != null && cameColour != null && !orderedColour.equals(cameColour)) {
            return true;
        }
        List<Lexicon.Product> a = ItemMatcher.mentioned(ordered, lexicon);
        List<Lexicon.Product> b = ItemMatcher.mentioned(came, lexicon);
        return !a.isEmpty() && !b.isEmpty() && a.stream().noneMatch(x -> b.stream().anyMatch(y -> related(x, y, lexicon)));
    }

    private static boolean related(Lexicon.Product x, Lexicon.Product y, Lexicon lexicon) {
        return x.type().equals(y.type()) || lexicon.under(y, x.type()) || lexicon.under(x, y.type());
    }

    /**
     * "想换个1米8的", "换成白色的", "换个大一点的": another size or colour wanted ({@link #TO_VARIANT}); the
     * words asking for it ("换个"), or null.
     */
    static String toVariant(String text, Lexicon lexicon) {
        Matcher m = TO_VARIANT.matcher(text);
        while (m.find()) {
            String rest = text.substring(m.end());
            if (VARIANT_SIZE.matcher(rest).find() || COMPARATIVE.matcher(rest).find() || lexicon.delivery().colours().stream().anyMatch(rest::startsWith)) {
                return m.group();
            }
        }
        return null;
    }

    /**
     * "遥控器也没有", "螺丝一颗都没找到", "袋子里压根没有": a clause that ends in a gone word right after a part
     * or a box named (Lexicon.Absence). At the end only: "遥控器没有问题" says it is fine, "排水管没找到在哪"
     * asks, "箱子里没有冰袋" may be about the packing; and not after 有/带/送/配 ("带遥控器没有" asks what
     * comes with it). Goods in general are not read so: "一点冷气都没有" is a fault, "空调还没有" a delivery.
     */
    static boolean absentAtEnd(String clause, Lexicon lexicon) {
        Lexicon.Absence absence = lexicon.delivery().absence();
        String t = AFTER_GONE.matcher(clause).replaceFirst("");
        for (String gone : absence.gone()) {
            if (t.endsWith(gone)) {
                String before = BEFORE_GONE.matcher(t.substring(0, t.length() - gone.length())).replaceFirst("");
                return absence.boxes().stream().anyMatch(before::endsWith) || absence.parts().stream().anyMatch(p -> before.endsWith(p)
                        && (before.length() == p.length() || OFFERED.indexOf(before.charAt(before.length() - p.length() - 1)) < 0));
            }
        }
        return false;
    }

    /**
     * The colour a side names first, after nothing but 是/的/都… ("的是黑色", "全是白的"), without 色 or 的 (白色 =
     * 白的 = 白), the longest first (深灰 is not 灰); null when it names none so, or names a mark ("红的印子").
     */
    private static String leadingColour(String s, Lexicon lexicon) {
        int at = 0;
        while (at < s.length() && BEFORE_COLOUR.indexOf(s.charAt(at)) >= 0) {
            at++;
        }
        for (String c : lexicon.delivery().colours()) {
            int end = at + c.length();
            if (s.startsWith(c, at) && (end == s.length() || COLOUR_MARK.indexOf(s.charAt(end)) < 0)) {
                return (c.endsWith("色") || c.endsWith("的")) && c.length() > 1 ? c.substring(0, c.length() - 1) : c;
            }
        }
        return null;
    }

    private static List<String> sizes(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = SIZE.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** "质量没问题", "包装挺好": the word is followed by a phrase saying it is fine. */
    static boolean fineAfter(String t, int end, Lexicon lexicon) {
        return saidAfter(t, end, lexicon.fine());
    }

    /**
     * "收到车厘子 但是芒果没有送到", "只收到鸡蛋 鲜奶都没有": the goods named between {@code start} and {@code end} are
     * what came, said with the arrival first. An arrival phrase ends at most two characters before them (a
     * count: "收到两盒车厘子"), no negator ends right before it ("没收到芒果" says it did not come), and the goods
     * end their clause, a 了 or 啦 aside, so that the clause says nothing else of them ("收到芒果少了两个" is a
     * problem with what came).
     */
    static boolean cameBefore(String t, int start, int end, List<String> arrived, Lexicon lexicon) {
        if (!endsItsClause(t, end, lexicon)) {
            return false;
        }
        for (int gap = 0; gap <= 2 && gap <= start; gap++) {
            if (gap > 0 && SEPARATORS.indexOf(t.charAt(start - gap)) >= 0) {
                return false;
            }
            String before = t.substring(0, start - gap);
            for (String phrase : arrived) {
                if (before.endsWith(phrase)) {
                    String ahead = before.substring(0, before.length() - phrase.length());
                    return lexicon.negators().stream().noneMatch(ahead::endsWith);
                }
            }
        }
        return false;
    }

    private static boolean endsItsClause(String t, int end, Lexicon lexicon) {
        int at = end;
        while (at < t.length() && (t.charAt(at) == '了' || t.charAt(at) == '啦')) {
            at++;
        }
        return at == t.length() || SEPARATORS.indexOf(t.charAt(at)) >= 0 || startsWithAny(t.substring(at), lexicon.contrasts());
    }

    /** One of the phrases follows {@code end}, with up to two filler characters between ("蓝莓倒是没事", "面包也到了"). */
    static boolean saidAfter(String t, int end, List<String> phrases) {
        String after = t.substring(end, Math.min(t.length(), end + 7));
        for (int gap = 0; gap <= 2 && gap < after.length(); gap++) {
            String rest = after.substring(gap);
            if (phrases.stream().anyMatch(rest::startsWith)) {
                return true;
            }
            if (FINE_GAP.indexOf(after.charAt(gap)) < 0) {
                return false;
            }
        }
        return false;
    }

    private static List<String> splitClauses(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (SEPARATORS.indexOf(ch) >= 0) {
                if (ch == '?' || ch == '？') {
                    cur.append('?'); // kept: a question cue
                }
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Splits before each contrast marker that does not start the clause. */
    private static List<String> splitContrast(String clause, Lexicon lexicon) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < clause.length(); i++) {
            if (startsWithAny(clause.substring(i), lexicon.contrasts())) {
                out.add(clause.substring(start, i));
                start = i;
            }
        }
        out.add(clause.substring(start));
        return out;
    }

    private static boolean startsWithAny(String s, List<String> prefixes) {
        return prefixes.stream().anyMatch(s::startsWith);
    }

    private static boolean any(boolean[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i]) {
                return true;
            }
        }
        return false;
    }

    private static void mark(boolean[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = true;
        }
    }
}

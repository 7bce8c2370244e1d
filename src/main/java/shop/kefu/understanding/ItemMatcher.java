package shop.kefu.understanding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import shop.kefu.aftersales.Order;
import shop.kefu.policy.ClaimReason;

/**
 * Which of the shopper's order lines a message is about, as a human agent with the order list open
 * would tell: an order number in any common format, the product's own words (三文鱼 in 挪威三文鱼刺身),
 * a product word or broader word from the lexicon (芒果 or 水果 for 海南贵妃芒, 柜子 for 衣柜), a
 * category word (生鲜, 家电), and, when nothing is named, the kind of problem (spoiled goods are fresh
 * goods). Pure: the orders are given, so a shopper can only ever match their own.
 */
public final class ItemMatcher {

    /** Runs of ASCII letters and digits, also glued to Chinese text ("订单号2026112912345678的"). */
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9_-]*[a-z0-9]|[0-9]");
    private static final Set<ClaimReason> FRESH_ONLY = Set.of(ClaimReason.SPOILED);
    private static final Set<ClaimReason> DURABLE_ONLY = Set.of(ClaimReason.QUALITY, ClaimReason.PRICE_DROP);
    /** Reasons that claim with the goods fine. */
    private static final Set<ClaimReason> GOODS_FINE = Set.of(ClaimReason.NO_REASON, ClaimReason.PRICE_DROP);

    private ItemMatcher() {
    }

    public record Candidate(Order order, Order.Item item) {
    }

    /**
     * @param candidates    the order lines the message may mean, best first; one means it is clear
     * @param unknownOrder  an order number the message gives that is not among the shopper's orders
     * @param named         whether the message named the item (by order number or product words)
     * @param elsewhere     the message names a product, and none of the shopper's order lines is one
     */
    public record Match(List<Candidate> candidates, String unknownOrder, boolean named, boolean elsewhere) {
        public Candidate only() {
            return candidates.size() == 1 ? candidates.get(0) : null;
        }
    }

    public static Match match(String message, List<Order> orders, Lexicon lexicon, ClaimReason reason) {
        if (orders.isEmpty()) {
            return new Match(List.of(), null, false, false);
        }
        String text = Text.normalise(message);
        List<Candidate> all = new ArrayList<>();
        orders.forEach(o -> o.items().forEach(i -> all.add(new Candidate(o, i))));

        String unknown = null;
        List<Order> byNumber = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group();
            List<Order> hit = orders.stream().filter(o -> sameOrder(o.orderId(), token, text, m.start())).toList();
            if (!hit.isEmpty()) {
                hit.stream().filter(o -> !byNumber.contains(o)).forEach(byNumber::add);
            } else if (unknown == null && looksLikeOrderNumber(token) && !otherNumber(text, m.start())) {
                unknown = token.toUpperCase(Locale.ROOT);
            }
        }
        if (!byNumber.isEmpty()) {
            List<Candidate> lines = all.stream().filter(c -> byNumber.contains(c.order())).toList();
            List<Candidate> named = best(text, lines, lexicon, reason);
            return new Match(named.isEmpty() ? lines : named, null, true, false);
        }
        List<Candidate> named = best(text, all, lexicon, reason);
        if (!named.isEmpty() && elsewhereInTheSet(text, named, all, lexicon, reason)) {
            List<Candidate> others = all.stream().filter(c -> !named.contains(c) && fits(reason, c.order().category())).toList();
            if (!others.isEmpty()) {
                return new Match(others, unknown, false, false);
            }
        }
        if (!named.isEmpty()) {
            return new Match(named, unknown, true, false);
        }
        // an order number the shopper gave (theirs or not) is what the message is about, not the product
        // words; and a wrong item names what came instead of what they bought ("寄来一把电竞椅")
        boolean elsewhere = unknown == null && reason != ClaimReason.WRONG_ITEM
                && mentioned(text, lexicon).stream().anyMatch(p -> !isCategoryWord(p, lexicon));
        List<Candidate> fitting = all.stream().filter(c -> fits(reason, c.order().category())).toList();
        return new Match(fitting.isEmpty() ? all : fitting, unknown, false, elsewhere);
    }

    /**
     * "有张凳子腿松了 桌子倒是没问题", of a dining set whose chairs are 餐椅: a problem is stated, every line
     * named is said to be fine, and the message also names goods that are none of those lines (凳子). Then
     * the problem is with the shopper's other lines, called something their names do not say. Not when the
     * only goods named are the fine ones ("冰箱挺好的 就是噪音有点大" is about the fridge), nor for a claim
     * with the goods fine ("草莓没问题 就是不想要了").
     */
    private static boolean elsewhereInTheSet(String text, List<Candidate> named, List<Candidate> all, Lexicon lexicon, ClaimReason reason) {
        if (reason == null || GOODS_FINE.contains(reason) || named.size() == all.size()
                || !named.stream().allMatch(c -> saidFine(text, c, lexicon, false))) {
            return false;
        }
        List<Lexicon.Product> namedTypes = named.stream().flatMap(c -> mentioned(Text.normalise(c.item().name()), lexicon).stream()).toList();
        return mentioned(text, lexicon).stream().anyMatch(p -> !isCategoryWord(p, lexicon)
                && namedTypes.stream().noneMatch(t -> t.type().equals(p.type()) || lexicon.under(t, p.type())));
    }

    /** The lines whose names the message names best (empty when it names none). */
    private static List<Candidate> best(String text, List<Candidate> lines, Lexicon lexicon, ClaimReason reason) {
        List<Lexicon.Product> said = mentioned(text, lexicon);
        String loose = withoutLongerWords(text, lexicon);
        Map<Candidate, Double> named = new LinkedHashMap<>();
        for (Candidate c : lines) {
            double s = score(text, loose, said, c, lexicon);
            if (s > 0) {
                named.put(c, s);
            }
        }
        if (named.size() > 1) {
            // "蓝莓只有3盒，车厘子倒是齐的": an item the message says is fine is not the one it is about,
            // however much better its name is matched
            List<Candidate> fine = named.keySet().stream().filter(c -> saidFine(text, c, lexicon, reason == ClaimReason.MISSING)).toList();
            if (fine.size() < named.size()) {
                fine.forEach(named::remove);
            }
        }
        if (named.size() > 1) {
            // "三文鱼到了 虾没见着": the item named in the clause that states the problem is the one it is
            // about, however much better another's name is matched elsewhere
            List<Candidate> withProblem = new ArrayList<>();
            for (String clause : problemClauses(text, lexicon)) {
                String looseClause = withoutLongerWords(clause, lexicon);
                List<Lexicon.Product> saidThere = mentioned(clause, lexicon);
                named.keySet().stream().filter(c -> !withProblem.contains(c) && score(clause, looseClause, saidThere, c, lexicon) > 0)
                        .forEach(withProblem::add);
            }
            if (!withProblem.isEmpty() && withProblem.size() < named.size()) {
                named.keySet().retainAll(withProblem);
            }
        }
        double top = named.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return named.entrySet().stream().filter(e -> Math.abs(e.getValue() - top) < 1e-9).map(Map.Entry::getKey).toList();
    }

    /** The clauses of the text that state a problem: a reason word in them, not negated. */
    private static List<String> problemClauses(String text, Lexicon lexicon) {
        Text.Analysis a = Text.analyse(text, lexicon);
        return a.hits().stream().filter(h -> h.word().list().equals("reason") && !h.negated()).map(h -> a.clauses().get(h.clause()).text())
                .distinct().toList();
    }

    /**
     * Every mention of the line's product in the text is followed by a phrase saying it is fine, or, when
     * {@code arrivedIsFine} (of several goods, which one is missing), saying it came.
     */
    private static boolean saidFine(String text, Candidate c, Lexicon lexicon, boolean arrivedIsFine) {
        List<Lexicon.Product> itemTypes = mentioned(Text.normalise(c.item().name()), lexicon);
        List<String> arrived = lexicon.delivery().arrived();
        boolean mentioned = false;
        for (Lexicon.ProductWord w : lexicon.productWords()) {
            // its own words or a broader one's ("桌子没问题" of a 实木餐桌), as it is named
            if (w.word().length() < 2 || itemTypes.stream().noneMatch(t -> t.type().equals(w.product().type()) || lexicon.under(t, w.product().type()))) {
                continue;
            }
            for (int at = text.indexOf(w.word()); at >= 0; at = text.indexOf(w.word(), at + 1)) {
                mentioned = true;
                int end = at + w.word().length();
                // "面包收到了 牛奶呢 袋子里压根没有", "只收到面包 牛奶没有": of several goods named in a missing
                // claim, one said to have come is not the missing one (not for other claims: "草莓收到了 烂了一半")
                if (!Text.fineAfter(text, end, lexicon)
                        && !(arrivedIsFine && (Text.saidAfter(text, end, arrived) || Text.cameBefore(text, at, end, arrived, lexicon)))) {
                    return false;
                }
            }
        }
        return mentioned;
    }

    private static double score(String text, String loose, List<Lexicon.Product> said, Candidate c, Lexicon lexicon) {
        String name = Text.normalise(c.item().name());
        double best = 0;
        int overlap = overlap(text, name);
        if (overlap >= 2) {
            best = 2 + overlap;
        }
        List<Lexicon.Product> itemTypes = mentioned(name, lexicon);
        if (best == 0 && sharesOneCharacterWord(loose, name, lexicon)) {
            best = 2;
        }
        for (Lexicon.Product p : said) {
            if (itemTypes.stream().anyMatch(t -> t.type().equals(p.type()))) {
                best = Math.max(best, 4);
            } else if (itemTypes.stream().anyMatch(t -> lexicon.under(t, p.type()))) {
                best = Math.max(best, 3);
            } else if (p.parent() == null && p.category().equals(c.order().category()) && isCategoryWord(p, lexicon)) {
                best = Math.max(best, 1);
            }
        }
        return best;
    }

    /**
     * A one-character product word (虾, 桃, 蛋, 梨) that both the message and this line's name contain.
     * Alone such a word says too little (床 in 起床), so it counts only against the shopper's own
     * lines, and less than any longer word: "20个蛋只来了15个" is about the eggs they bought.
     *
     * @param loose the message {@link #withoutLongerWords without its longer product words}
     */
    private static boolean sharesOneCharacterWord(String loose, String name, Lexicon lexicon) {
        for (Lexicon.ProductWord w : lexicon.productWords()) {
            if (w.word().length() == 1 && name.contains(w.word()) && loose.contains(w.word())) {
                return true;
            }
        }
        return false;
    }

    /** The text with its product words of two or more characters blanked out: 蛋 in 蛋糕 is not an egg. */
    private static String withoutLongerWords(String text, Lexicon lexicon) {
        String loose = text;
        for (Lexicon.ProductWord longer : lexicon.productWords()) {
            if (longer.word().length() > 1 && loose.contains(longer.word())) {
                loose = loose.replace(longer.word(), " ");
            }
        }
        return loose;
    }

    /** A word for a whole category (生鲜, 家电, 家具): top level, and no product names it as its parent. */
    private static boolean isCategoryWord(Lexicon.Product p, Lexicon lexicon) {
        return p.parent() == null && lexicon.products().stream().noneMatch(q -> p.type().equals(q.parent()));
    }

    /** Product types whose words the text contains, longest words first, each place in the text used once. */
    static List<Lexicon.Product> mentioned(String text, Lexicon lexicon) {
        boolean[] taken = new boolean[text.length()];
        List<Lexicon.Product> out = new ArrayList<>();
        for (Lexicon.ProductWord w : lexicon.productWords()) {
            if (w.word().length() < 2) {
                continue; // 床 in 起床, 奶 in 奶奶: one character says too little
            }
            int at = text.indexOf(w.word());
            while (at >= 0) {
                boolean free = true;
                for (int i = at; i < at + w.word().length(); i++) {
                    free &= !taken[i];
                }
                if (free) {
                    for (int i = at; i < at + w.word().length(); i++) {
                        taken[i] = true;
                    }
                    if (!out.contains(w.product())) {
                        out.add(w.product());
                    }
                }
                at = text.indexOf(w.word(), at + 1);
            }
        }
        return out;
    }

    private static boolean fits(ClaimReason reason, String category) {
        if (reason == null) {
            return true;
        }
        if (FRESH_ONLY.contains(reason)) {
            return "fresh".equals(category);
        }
        if (DURABLE_ONLY.contains(reason)) {
            return !"fresh".equals(category);
        }
        return true;
    }

    /** Same order: equal ignoring case and separators, or the last digits after 尾号. */
    private static boolean sameOrder(String orderId, String token, String text, int at) {
        String id = orderId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String t = token.replaceAll("[^a-z0-9]", "");
        if (id.equals(t)) {
            return true;
        }
        boolean tail = text.substring(Math.max(0, at - 3), at).contains("尾号") || text.substring(Math.max(0, at - 3), at).contains("后四位");
        return tail && t.length() >= 4 && id.endsWith(t);
    }

    /** 12-19 digit numbers, or letters with at least 6 digits ("JD20261127001", "SO8842019375"). */
    static boolean looksLikeOrderNumber(String token) {
        String t = token.replaceAll("[^a-z0-9]", "");
        long digits = t.chars().filter(Character::isDigit).count();
        if (digits == t.length()) {
            return t.length() >= 12 && t.length() <= 19;
        }
        return digits >= 6 && t.length() >= 8;
    }

    /** A number the message calls something else: a phone, a waybill, a model. Never echoed as an order. */
    private static boolean otherNumber(String text, int at) {
        String before = text.substring(Math.max(0, at - 4), at);
        return OTHER_NUMBERS.stream().anyMatch(before::contains);
    }

    private static final List<String> OTHER_NUMBERS = List.of("电话", "手机", "快递", "运单", "物流", "型号", "条码");

    /** Longest run of the item name's Chinese characters (two or more) that the text contains. */
    static int overlap(String text, String name) {
        for (int len = Math.min(6, name.length()); len >= 2; len--) {
            for (int i = 0; i + len <= name.length(); i++) {
                String part = name.substring(i, i + len);
                if (part.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) && text.contains(part)) {
                    return len;
                }
            }
        }
        return 0;
    }
}

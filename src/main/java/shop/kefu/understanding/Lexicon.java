package shop.kefu.understanding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists staff extend without a code change (knowledge-base/understanding/): problem words per
 * reason, wording per kind, product words per category, and the negation and contrast markers. Each
 * list feeds the classifier as a feature ("a spoiled-word occurs, not negated") rather than deciding on
 * its own, so a word added here helps wherever it appears, also in sentences nobody labelled.
 */
public final class Lexicon {

    /** One product type: {@code parent} is the broader type shoppers also use (芒果 → 水果), or null. */
    public record Product(String category, String type, String parent, List<String> words) {
    }

    record ProductWord(Product product, String word) {
    }

    /**
     * A lexicon word: its list ("reason", "kind", "usage", "anger", "visit") and label. A word written with
     * "…" (normalised to "...") is split: {@code head} and {@code tail} with up to {@link #GAP} characters
     * between them, as a resultative says it ("压得稀巴烂" for 压得…烂); {@code tail} is null otherwise.
     * The parts are kept, not found again, because every character of every message is tried against them.
     */
    public record Word(String list, String label, String word, String head, String tail) {
        static final String SPLIT = "...";

        Word(String list, String label, String word) {
            this(list, label, word, word.contains(SPLIT) ? word.substring(0, word.indexOf(SPLIT)) : word,
                    word.contains(SPLIT) ? word.substring(word.indexOf(SPLIT) + SPLIT.length()) : null);
        }
    }

    /** Characters a split word's parts may stand apart. */
    static final int GAP = 3;

    /**
     * How shoppers say what came. {@code ordered} and {@code came}: what the shopper ordered and the other
     * goods that came ("我点的是菠菜 送来的是油麦菜"), a wrong item by its shape, whatever the goods are
     * called. {@code arrived}: that goods came at all ("到了", "收到"), which a short count follows ("就到了
     * 一箱") and which says an item of a missing claim is not the missing one ("面包收到了"). {@code colours}:
     * colours named on both sides tell goods apart as sizes do ("选的白色 送来是黑色"), longest first.
     * {@code absence}: how a part, or what a box was to hold, is said not to have come. markers.txt, lists
     * ordered, came, arrived, colour, and gone, part and box.
     */
    record Delivery(List<String> ordered, List<String> came, List<String> arrived, List<String> colours, Absence absence) {
        static final Delivery NONE = new Delivery(List.of(), List.of(), List.of(), List.of(), Absence.NONE);

        Delivery {
            colours = colours.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
    }

    /**
     * "遥控器也没有", "螺丝找不到", "袋子里压根没有": a clause that ends in a {@code gone} word right after a
     * {@code part} (an accessory, not goods in general: "一点冷气都没有" is a fault) or a {@code box} the goods
     * come in (Text.absentAtEnd). The gone words longest first.
     */
    record Absence(List<String> gone, List<String> parts, List<String> boxes) {
        static final Absence NONE = new Absence(List.of(), List.of(), List.of());

        Absence {
            gone = gone.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
            parts = List.copyOf(parts);
            boxes = List.copyOf(boxes);
        }
    }

    /** Reason, kind, usage, anger and visit words by first character, longest first (不制冷 wins over 不, 退货 over 退). */
    private final Map<Character, List<Word>> byFirst;
    private final List<Product> products;
    private final Map<String, Product> byType = new HashMap<>();
    /** Every product word with its type, longest first (so 豆浆机 wins over 豆浆): built once, matched per turn. */
    private final List<ProductWord> productWords;
    private final List<String> negators;
    private final List<String> contrasts;
    private final List<String> fine;
    private final List<String> ignored;
    private final Delivery delivery;

    Lexicon(Map<String, List<String>> reasons, Map<String, List<String>> kinds, List<Product> products, List<String> negators,
            List<String> contrasts, List<String> fine, List<String> ignored) {
        this(reasons, kinds, Map.of(), products, negators, contrasts, fine, ignored, Delivery.NONE);
    }

    /**
     * @param marked other labelled word lists by list name: "usage" (words saying the goods are unused,
     *               "yes", or used, "no"), "anger" (垃圾, 投诉, 气死), "visit" (asking for a repair or an
     *               installation visit)
     */
    Lexicon(Map<String, List<String>> reasons, Map<String, List<String>> kinds, Map<String, Map<String, List<String>>> marked,
            List<Product> products, List<String> negators, List<String> contrasts, List<String> fine, List<String> ignored, Delivery delivery) {
        List<Word> all = new ArrayList<>();
        marked.forEach((list, labels) -> labels.forEach((label, ws) -> ws.forEach(w -> all.add(new Word(list, label, w)))));
        reasons.forEach((label, ws) -> ws.forEach(w -> all.add(new Word("reason", label, w))));
        kinds.forEach((label, ws) -> ws.forEach(w -> all.add(new Word("kind", label, w))));
        all.sort(Comparator.comparingInt((Word w) -> w.word().length()).reversed());
        Map<Character, List<Word>> first = new HashMap<>();
        all.forEach(w -> first.computeIfAbsent(w.word().charAt(0), c -> new ArrayList<>()).add(w));
        this.byFirst = first;
        this.products = List.copyOf(products);
        products.forEach(p -> byType.putIfAbsent(p.type(), p));
        List<ProductWord> pw = new ArrayList<>();
        products.forEach(p -> p.words().forEach(w -> pw.add(new ProductWord(p, w))));
        pw.sort(Comparator.comparingInt((ProductWord w) -> w.word().length()).reversed());
        this.productWords = List.copyOf(pw);
        this.negators = negators.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.contrasts = contrasts.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.fine = List.copyOf(fine);
        this.ignored = ignored.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.delivery = delivery;
    }

    Delivery delivery() {
        return delivery;
    }

    /** Words starting with this character, longest first. */
    List<Word> startingWith(char c) {
        return byFirst.getOrDefault(c, List.of());
    }

    List<String> negators() {
        return negators;
    }

    List<String> contrasts() {
        return contrasts;
    }

    /** Phrases saying that what was just named is fine ("质量没问题"): they negate the word before them. */
    List<String> fine() {
        return fine;
    }

    /** Words that contain a lexicon or marker word but mean something else (多少, 不少): never matched. */
    List<String> ignored() {
        return ignored;
    }

    public List<Product> products() {
        return products;
    }

    List<ProductWord> productWords() {
        return productWords;
    }

    /**
     * Whether {@code broader} is {@code p}'s parent, or a parent's parent…: 小家电 is broader than 电动牙刷
     * through 个护电器, as 小电器 names a toothbrush. The types form a tree of a few levels, so the walk is
     * short; it stops at a type seen twice, should a file make a loop.
     */
    boolean under(Product p, String broader) {
        Set<String> seen = new HashSet<>();
        for (String up = p.parent(); up != null && seen.add(up); up = byType.containsKey(up) ? byType.get(up).parent() : null) {
            if (up.equals(broader)) {
                return true;
            }
        }
        return false;
    }

    /** A line of a data file that is neither blank nor a comment, with its number for error messages. */
    record Line(int number, String text) {
    }

    static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        String[] all = text.split("\\R");
        for (int i = 0; i < all.length; i++) {
            if (!all[i].isBlank() && !all[i].strip().startsWith("#")) {
                out.add(new Line(i + 1, all[i]));
            }
        }
        return out;
    }

    /** {@code label<TAB>word, word, …} lines (several lines per label allowed). */
    static Map<String, List<String>> parseLists(String text, String file, Set<String> labels) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Line line : lines(text)) {
            String[] parts = line.text().strip().split("\t", 2);
            String label = parts[0].strip().toLowerCase(Locale.ROOT);
            if (parts.length != 2 || (labels != null && !labels.contains(label))) {
                throw new IllegalArgumentException(file + ":" + line.number() + ": expected one of " + labels + "<TAB>word, word, …");
            }
            List<String> words = split(parts[1]);
            for (String w : words) {
                int at = w.indexOf(Word.SPLIT);
                if (at == 0 || at >= 0 && (at + Word.SPLIT.length() == w.length() || w.indexOf(Word.SPLIT, at + 1) >= 0)) {
                    throw new IllegalArgumentException(file + ":" + line.number() + ": '" + w
                            + "' splits a word in two with one …: a part before it and a part after it");
                }
            }
            out.computeIfAbsent(label, k -> new ArrayList<>()).addAll(words);
        }
        return out;
    }

    /**
     * A function of the goods done poorly is a fault ("制冷不行", "加热效果很差"): each {@code functions} word
     * (markers.txt, function: 制冷, 加热, 吸力…) directly followed by each {@code poor} word, or by 效果 and
     * one, is added to the quality words. Directly, with no gap: "制冷行不行" asks whether it cools, and
     * "工作态度太差" is about a person. Returns a copy of {@code reasons}.
     */
    static Map<String, List<String>> withPoorlyDone(Map<String, List<String>> reasons, List<String> functions, List<String> poor) {
        List<String> faults = new ArrayList<>();
        for (String f : functions) {
            for (String p : poor) {
                faults.add(f + p);
                faults.add(f + "效果" + p);
            }
        }
        return withQuality(reasons, faults);
    }

    /**
     * A sound the goods make, written as the sound said over ("哐哐哐", "咔咔的响", "嗡嗡嗡"), is a noise, and a
     * noise is a fault: each {@code sounds} character (markers.txt, sound: 哐, 咔, 嗡…) said twice is added to
     * the quality words. Once is not enough: 咔 alone is also 咔嚓 (a snap) and 咚 a knock at the door.
     * Returns a copy of {@code reasons}.
     */
    static Map<String, List<String>> withNoises(Map<String, List<String>> reasons, List<String> sounds) {
        return withQuality(reasons, sounds.stream().map(sound -> sound + sound).toList());
    }

    /**
     * A part or accessory not in the box is missing goods ("没有进水管", "没有条排水管"): each {@code absent} word
     * (markers.txt, absent: 没有, 找不到…) directly before each {@code part} word (part: 进水管, 遥控器, 螺丝…), or
     * with one {@code measure} word between (条, 个, 配…), is added to the missing words. Nothing else may stand
     * between: "没有少配件" denies a shortage, "还没有装支架" and "没有用遥控器" say what was not done. Parts only:
     * "没有声音" is a fault, and "没有…" before anything else says too many things. The part said first ("遥控器
     * 找不到") is read at the end of its clause only (Text.absentAtEnd). Returns a copy of {@code reasons}.
     */
    static Map<String, List<String>> withAbsentParts(Map<String, List<String>> reasons, List<String> absent, List<String> measures,
            List<String> parts) {
        List<String> words = new ArrayList<>();
        for (String a : absent) {
            for (String part : parts) {
                words.add(a + part);
                measures.forEach(m -> words.add(a + m + part));
            }
        }
        return with(reasons, "missing", words);
    }

    /** A copy of {@code reasons} with {@code faults} added to the quality words. */
    private static Map<String, List<String>> withQuality(Map<String, List<String>> reasons, List<String> faults) {
        return with(reasons, "quality", faults);
    }

    /** A copy of {@code reasons} with {@code words} added to the words of {@code reason}. */
    private static Map<String, List<String>> with(Map<String, List<String>> reasons, String reason, List<String> words) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        reasons.forEach((label, ws) -> out.put(label, new ArrayList<>(ws)));
        out.computeIfAbsent(reason, k -> new ArrayList<>()).addAll(words);
        return out;
    }

    /** {@code category<TAB>type<TAB>parent or -<TAB>word, word, …} lines. */
    static List<Product> parseProducts(String text, String file) {
        List<Product> out = new ArrayList<>();
        for (Line line : lines(text)) {
            String[] p = line.text().strip().split("\t");
            if (p.length != 4) {
                throw new IllegalArgumentException(file + ":" + line.number()
                        + ": expected category<TAB>type<TAB>parent or -<TAB>word, word, …");
            }
            List<String> ws = new ArrayList<>(split(p[3]));
            if (!ws.contains(p[1].strip())) {
                ws.add(p[1].strip());
            }
            out.add(new Product(p[0].strip(), p[1].strip(), "-".equals(p[2].strip()) ? null : p[2].strip(), ws));
        }
        return out;
    }

    private static List<String> split(String words) {
        List<String> out = new ArrayList<>();
        for (String w : words.split("[,，、]")) {
            String s = Text.normalise(w).replaceAll("\\.{3,}", Word.SPLIT); // "……" is six dots once normalised
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}

package shop.kefu.understanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import shop.kefu.knowledge.QuestionText;
import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;

/**
 * The trained understanding: four classifiers (intent, kind, reason, unused) over the message's
 * embedding and its lexical features, trained from knowledge-base/understanding/examples.tsv. The
 * lexicon is a feature, and also fills a detail the classifier left empty when a lexicon word says it
 * plainly; a detail whose only evidence is negated ("不是质量问题") is never taken.
 */
public final class Reader {

    /** Labels of each classifier; "-" is "not said". Order is the file's vocabulary. */
    static final List<String> INTENTS = Arrays.stream(Intent.values()).map(i -> i.name().toLowerCase(Locale.ROOT)).toList();
    static final List<String> KINDS = List.of("-", "refund", "return", "replacement", "reship", "price_protection");
    static final List<String> REASONS = List.of("-", "spoiled", "damaged", "wrong_item", "missing", "quality", "no_reason", "price_drop");
    static final List<String> UNUSED = List.of("-", "yes", "no");

    /** The embedding's weight next to the binary features (unit vectors have tiny components). */
    private static final float DENSE_SCALE = 4f;
    /**
     * How each head is trained: {@code runs} SGD runs of {@code epochs} passes, averaged; {@code seed} picks
     * their orders (head n uses seeds {@code seed + 100n} on, so up to 100 runs). A run's readings settle
     * within ten passes (thirty or sixty moved one or two of 428). Sixteen runs: 7 and 9 readings moved between
     * two other sets of seeds (TrainingProbe); averages of five to ten runs, measured once with an earlier
     * lexicon, moved 4 to 12 (docs/understanding.md).
     */
    record Training(int epochs, int runs, long seed) {
    }

    static final Training SHIPPED = new Training(10, 16, 0);
    private static final double L2 = 1e-4;
    /** A label this probable stands even when its lexicon word is negated: the model has seen the context. */
    private static final double SURE = 0.5;

    /** One labelled example of examples.tsv. */
    public record Example(String intent, String kind, String reason, String unused, String text) {
    }

    /**
     * Reasons a shopper usually states with words of their own ("少了", "没收到", "发错", "不是我买的"): a
     * claim about what the parcel holds. Without such a word the classifier's guess of them may come from
     * words they often stand beside (quantities, "补"), reading a spoiled item as a missing one.
     */
    private static final Set<String> STATED_ONLY = Set.of("missing", "wrong_item");

    private final Lexicon lexicon;
    private final Asking asking;
    private final Softmax intent;
    private final Softmax kind;
    private final Softmax reason;
    private final Softmax unused;

    /**
     * Words that tell asking from stating: asking only ("就问问", "了解一下") and supposing ("要是", "万一"),
     * which make a message about a problem a question about the rules; asking whether in A-not-A form
     * ("会不会"), and asking what now ("咋办", "咋回事") of a problem stated. markers.txt, lists inquiry,
     * hypothetical, whether and whatnow.
     */
    private record Asking(List<String> inquiry, List<String> hypothetical, List<String> whether, List<String> whatNow) {
    }

    private Reader(Lexicon lexicon, Asking asking, Softmax intent, Softmax kind, Softmax reason, Softmax unused) {
        this.lexicon = lexicon;
        this.asking = asking;
        this.intent = intent;
        this.kind = kind;
        this.reason = reason;
        this.unused = unused;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** Repair words that name the service rather than ask for it: "还在保修期吗", "维修要多少钱", "报修了". */
    private static final Set<String> SERVICE_NAMES = Set.of("保修", "包修", "维修", "报修", "检修");
    /** In the clause asking for a repair, words that ask about its terms or progress instead. */
    private static final List<String> REPAIR_TERMS = List.of("多少", "多久", "期", "费用", "收费", "付费", "钱", "什么时候", "啥时候", "几时", "自己",
            "修过", "修好了");

    private static final Set<String> MARKERS = Set.of("negation", "contrast", "fine", "ignore", "unused", "used", "anger", "inquiry",
            "hypothetical", "whether", "whatnow", "ordered", "came", "arrived", "repair", "install", "function", "poor", "sound",
            "absent", "measure", "gone", "part", "colour", "box");

    /**
     * Reads the files of knowledge-base/understanding/ (through {@code read}, by file name) and trains.
     * A file with a mistake throws IllegalArgumentException naming the file and line.
     */
    public static Reader load(Function<String, String> read, Function<List<String>, List<float[]>> embed) {
        return load(read, embed, SHIPPED);
    }

    /** As {@link #load(Function, Function)}, trained another way (measurements of the training). */
    static Reader load(Function<String, String> read, Function<List<String>, List<float[]>> embed, Training training) {
        Map<String, List<String>> markers = Lexicon.parseLists(read.apply("markers.txt"), "markers.txt", MARKERS);
        Function<String, List<String>> m = label -> markers.getOrDefault(label, List.of());
        Lexicon lexicon = new Lexicon(
                Lexicon.withAbsentParts(Lexicon.withNoises(Lexicon.withPoorlyDone(Lexicon.parseLists(read.apply("problems.txt"),
                        "problems.txt", Set.copyOf(REASONS.subList(1, REASONS.size()))), m.apply("function"), m.apply("poor")),
                        m.apply("sound")), m.apply("absent"), m.apply("measure"), m.apply("part")),
                Lexicon.parseLists(read.apply("kinds.txt"), "kinds.txt", Set.copyOf(KINDS.subList(1, KINDS.size()))),
                Map.of("usage", Map.of("yes", m.apply("unused"), "no", m.apply("used")), "anger", Map.of("anger", m.apply("anger")),
                        "visit", Map.of("repair", m.apply("repair"), "install", m.apply("install"))),
                Lexicon.parseProducts(read.apply("products.txt"), "products.txt"),
                m.apply("negation"), m.apply("contrast"), m.apply("fine"),
                Stream.concat(m.apply("ignore").stream(), m.apply("whether").stream()).toList(),
                new Lexicon.Delivery(m.apply("ordered"), m.apply("came"), m.apply("arrived"), m.apply("colour"),
                        new Lexicon.Absence(m.apply("gone"), m.apply("part"), m.apply("box"))));
        return train(lexicon, new Asking(m.apply("inquiry"), m.apply("hypothetical"), m.apply("whether"), m.apply("whatnow")),
                parseExamples(read.apply("examples.tsv"), "examples.tsv"), embed, training);
    }

    /** @param embed embeddings of many texts (may come from a cache) */
    private static Reader train(Lexicon lexicon, Asking asking, List<Example> examples, Function<List<String>, List<float[]>> embed,
            Training training) {
        List<float[]> vectors = embed.apply(examples.stream().map(e -> embedded(e.text())).toList());
        List<float[]> dense = new ArrayList<>();
        List<List<String>> sparse = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            dense.add(scaled(vectors.get(i)));
            sparse.add(Text.analyse(examples.get(i).text(), lexicon).features());
        }
        return new Reader(lexicon, asking,
                head(INTENTS, examples, dense, sparse, Example::intent, training, 100),
                head(KINDS, examples, dense, sparse, Example::kind, training, 200),
                head(REASONS, examples, dense, sparse, Example::reason, training, 300),
                head(UNUSED, examples, dense, sparse, Example::unused, training, 400));
    }

    private static Softmax head(List<String> labels, List<Example> examples, List<float[]> dense, List<List<String>> sparse,
            Function<Example, String> label, Training training, long seedOffset) {
        List<Softmax.Sample> samples = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            samples.add(new Softmax.Sample(dense.get(i), sparse.get(i), labels.indexOf(label.apply(examples.get(i)))));
        }
        return Softmax.averaged(labels, samples, training.epochs(), L2, training.seed() + seedOffset, training.runs());
    }

    private static float[] scaled(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * DENSE_SCALE;
        }
        return out;
    }

    /**
     * The text whose embedding {@link #read} takes: the message with its separators as spaces
     * ({@link QuestionText}), as the examples are written ("冰箱不制冷 想换货"). On the dev examples written
     * with commas instead of spaces, 2 of 321 after-sales messages were read wrong that are read right as
     * written. The lexicon and the question cues read the text itself, punctuation and all.
     */
    public static String embedded(String text) {
        return QuestionText.plain(text);
    }

    /** @param vector the embedding of {@link #embedded the message as the examples are written} */
    public Reading read(String text, float[] vector) {
        Text.Analysis a = Text.analyse(text, lexicon);
        List<String> features = a.features();
        float[] dense = scaled(vector);
        double[] pi = intent.predict(dense, features);
        int best = argmax(pi);
        String k = decide(KINDS, kind.predict(dense, features), a, "kind");
        double[] pr = reason.predict(dense, features);
        String r = stated(decide(REASONS, pr, a, "reason"), pr, a);
        String u = UNUSED.get(argmax(unused.predict(dense, features)));
        if ("-".equals(u)) { // "用了两回", "还没拆封": the usage words of markers.txt say it plainly
            List<String> usage = a.positive("usage");
            // "一次都没睡过": a used-word negated says the goods are unused
            u = !usage.isEmpty() ? usage.get(0) : a.negatedOnly("usage", "no") ? "yes" : "-";
        }
        ClaimReason claimReason = toReason(r);
        ClaimKind claimKind = toKind(k);
        if ("price_protection".equals(k)) {
            claimReason = ClaimReason.PRICE_DROP;
        }
        Intent in = Intent.values()[best];
        // a clause asking in a form the classifier's cue leaves out ("会不会裂") makes the message a question too
        boolean clauseAsks = a.clauses().stream().anyMatch(c -> Text.asks(c.text(), asking.whether()));
        boolean question = a.question() || clauseAsks;
        if ((in == Intent.AFTERSALES || in == Intent.QUESTION) && onlyAsks(text, a)) {
            // a supposed problem and a remedy asked "if": the rules, with nothing to claim
            return new Reading(Intent.QUESTION, null, null, null, question, false);
        }
        if ((in == Intent.AFTERSALES || in == Intent.QUESTION) && claimKind == null && a.positive("visit").contains("repair")
                && (in == Intent.AFTERSALES && !question || repairAfterProblem(a))) {
            // "沙发皮裂了好几道口子 买了一年多了 给免费修一下": a problem, and a repair asked for in so many words
            // instead of a refund, return or exchange; the problem's words must not outweigh the request. Not a
            // question ("坏了能保修吗" asks about the rules), unless the problem was stated before it in clauses
            // that ask nothing ("椅背松了 能上门修不" asks for the repair as "能退吗" asks for a return), whatever
            // the classifier made of the asking. A visit is booked without a confirmation, and one past the
            // free period is refused by its rule.
            in = Intent.REPAIR;
        }
        return new Reading(in, claimKind, claimReason, "-".equals(u) ? null : "yes".equals(u), question, stated(a, clauseAsks));
    }

    /**
     * A problem stated in a clause that asks nothing (not negated, not supposed), and a repair asked for in a
     * later clause: every clause from the problem's up to the repair's asks nothing. The repair is asked for
     * as something to do (修一下, 上门修, 给修), not named as the service ("保修期多久", "维修要多少钱"), and its
     * clause asks nothing about the repair's terms or progress ("师傅什么时候来", "自己能修好吗") nor supposes it.
     */
    private boolean repairAfterProblem(Text.Analysis a) {
        for (Text.Hit repair : a.hits()) {
            if (!repair.word().list().equals("visit") || !repair.word().label().equals("repair") || repair.negated()
                    || SERVICE_NAMES.contains(repair.word().word()) || supposed(a, repair.clause())
                    || REPAIR_TERMS.stream().anyMatch(a.clauses().get(repair.clause()).text()::contains)) {
                continue;
            }
            for (Text.Hit problem : a.hits()) {
                if (problem.word().list().equals("reason") && !problem.negated() && problem.clause() < repair.clause()
                        && !supposed(a, problem.clause()) && a.clauses().subList(problem.clause(), repair.clause()).stream()
                                .noneMatch(c -> Text.asks(c.text(), asking.whether()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the message states a problem, plainly or then asking what now, rather than only asking about
     * one: a problem word, not negated nor supposed, in a message that asks nothing, or followed (in its
     * clause or a later one) by a `whatnow` phrase ("焦味咋回事", "烂成水了 咋吃", "不制冷 这是为什么"), while
     * nothing from its clause on asks anything else: not the problem ("有点小裂纹是正常的吗", "会不会裂 咋办")
     * nor whether it is so ("有焦味，正常么？", "漏水 是不是管子没接好"). That shopper is sure of the fault and
     * wants it dealt with; a greeting before it ("在吗") is no matter.
     */
    private boolean stated(Text.Analysis a, boolean clauseAsks) {
        return a.hits().stream().anyMatch(h -> h.word().list().equals("reason") && !h.negated() && !supposed(a, h.clause())
                && statedFrom(a, h, clauseAsks));
    }

    /** @param clauseAsks some clause of the message asks ({@link Text#asks}) */
    private boolean statedFrom(Text.Analysis a, Text.Hit h, boolean clauseAsks) {
        String own = a.clauses().get(h.clause()).text();
        boolean whatNow = whatNow(h.end() < 0 ? own : own.substring(h.end()));
        for (int i = h.clause(); i < a.clauses().size(); i++) {
            String clause = a.clauses().get(i).text();
            if (i > h.clause()) {
                whatNow |= whatNow(clause);
            }
            if (asksOtherwise(clause)) {
                return false;
            }
        }
        return whatNow || !clauseAsks;
    }

    private boolean whatNow(String text) {
        return asking.whatNow().stream().anyMatch(text::contains);
    }

    /** Whether a clause asks something besides what now (its what-now phrases, and the ？ that goes with them, taken out). */
    private boolean asksOtherwise(String clause) {
        String rest = clause;
        for (String w : asking.whatNow()) {
            rest = rest.replace(w, " ");
        }
        if (!rest.equals(clause)) {
            rest = rest.replace("?", " ");
        }
        return Text.asks(rest.strip(), asking.whether());
    }

    /** A supposing word in the problem's clause, or as the whole clause before it ("要是 榴莲路上化了"), not "如果方便 …". */
    private boolean supposed(Text.Analysis a, int clause) {
        if (asking.hypothetical().stream().anyMatch(withoutContrasts(a.clauses().get(clause).text())::contains)) {
            return true;
        }
        return clause > 0 && asking.hypothetical().contains(a.clauses().get(clause - 1).text().strip());
    }

    /** The message with its contrast words blanked: 要是 inside 主要是 supposes nothing. */
    private String withoutContrasts(String text) {
        String plain = text;
        for (String c : lexicon.contrasts()) {
            plain = plain.replace(c, " ");
        }
        return plain;
    }

    /**
     * The classifier's label, unless its only lexicon evidence is negated and the classifier is not sure; when it says "not said" but a
     * lexicon word says it plainly (in the clause that carries the point first), the word's label.
     */
    private static String decide(List<String> labels, double[] p, Text.Analysis a, String list) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(p[y], p[x]));
        boolean vetoed = false;
        for (int i : order) {
            String label = labels.get(i);
            if ("-".equals(label) || vetoed && p[i] < SURE) { // after a veto, only a sure runner-up stands
                List<String> said = a.positive(list);
                return said.isEmpty() ? "-" : said.get(0);
            }
            if (p[i] >= SURE || !a.negatedOnly(list, label)) {
                return label;
            }
            vetoed = true;
        }
        return "-";
    }

    /**
     * The classifier's reason against the reasons the message states in lexicon words. A reason the
     * shopper states in words of their own, guessed without one of its words, gives way to a reason whose
     * word is there ("两盒胀包了" is spoiled, not missing); so does any guess the model is not sure of
     * (the lexicon lists only words that almost always mean their reason). With no word for any reason
     * the guess stands, unless it is a reason of their own words and the model is not sure of it: then
     * the likeliest other reason, or none.
     */
    private static String stated(String r, double[] p, Text.Analysis a) {
        List<String> said = a.positive("reason");
        if (said.isEmpty() && STATED_ONLY.contains(r) && p[REASONS.indexOf(r)] < SURE) {
            // no word for any reason, and an unsure guess of one the shopper would have said in words
            // ("豆腐一开盒子酸的 都拉丝了 再补几盒给我吧": the quantity and 补 lean to missing): the likeliest other
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                if (!STATED_ONLY.contains(REASONS.get(i)) && p[i] > p[best]) {
                    best = i;
                }
            }
            return REASONS.get(best);
        }
        if (said.isEmpty() || said.contains(r)) {
            return r;
        }
        if (STATED_ONLY.contains(r)) {
            return said.get(0);
        }
        // a guess the model is not sure of gives way to a reason the message states in a word of its own
        // ("压烂" is damaged however near 烂 is to spoiled): of those, the one the model finds likeliest
        int guessed = REASONS.indexOf(r);
        if (guessed > 0 && p[guessed] >= SURE) {
            return r;
        }
        return said.stream().max(Comparator.comparingDouble(label -> p[REASONS.indexOf(label)])).orElse(r);
    }

    /**
     * "就问问，要是化了赔不赔，我这单好好的": the problem is supposed or denied, and the shopper says they
     * are only asking. Then the rules are asked about, and no request is started.
     */
    private boolean onlyAsks(String text, Text.Analysis a) {
        String t = withoutContrasts(text);
        boolean inquiry = asking.inquiry().stream().anyMatch(t::contains);
        boolean supposed = asking.hypothetical().stream().anyMatch(t::contains);
        // denied: no problem stated as such, and one said to be fine or negated ("问一下 草莓烂了 蓝莓是好的" claims)
        boolean denied = a.positive("reason").isEmpty() && (lexicon.fine().stream().anyMatch(t::contains)
                || a.hits().stream().anyMatch(h -> h.word().list().equals("reason") && h.negated()));
        return inquiry && supposed || (inquiry || supposed) && denied;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    static ClaimReason toReason(String r) {
        return r == null || "-".equals(r) ? null : ClaimReason.valueOf(r.toUpperCase(Locale.ROOT));
    }

    static ClaimKind toKind(String k) {
        return switch (k) {
            case "refund", "price_protection" -> ClaimKind.REFUND;
            case "return" -> ClaimKind.RETURN;
            case "replacement" -> ClaimKind.REPLACEMENT;
            case "reship" -> ClaimKind.RESHIP;
            default -> null;
        };
    }

    /** Parses examples.tsv: intent, kind, reason, unused, text, tab-separated; names the line of any problem. */
    public static List<Example> parseExamples(String text, String file) {
        List<Example> out = new ArrayList<>();
        for (Lexicon.Line line : Lexicon.lines(text)) {
            int n = line.number();
            String[] p = line.text().split("\t", 5);
            if (p.length != 5 || p[4].isBlank()) {
                throw new IllegalArgumentException(file + ":" + n + ": expected intent<TAB>kind<TAB>reason<TAB>unused<TAB>text");
            }
            String intentLabel = p[0].strip().toLowerCase(Locale.ROOT);
            check(INTENTS, intentLabel, file, n, "intent");
            check(KINDS, p[1].strip(), file, n, "kind");
            check(REASONS, p[2].strip(), file, n, "reason");
            check(UNUSED, p[3].strip(), file, n, "unused");
            out.add(new Example(intentLabel, p[1].strip(), p[2].strip(), p[3].strip(), p[4].strip()));
        }
        return out;
    }

    private static void check(List<String> labels, String value, String file, int line, String column) {
        if (!labels.contains(value)) {
            throw new IllegalArgumentException(file + ":" + line + ": unknown " + column + " '" + value + "' (one of " + labels + ")");
        }
    }
}

package shop.kefu.eval;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The expected outcome of an after-sales opening, and the grading of the bot's first reply against it.
 * Grammar (the last column of the openings files):
 * <pre>
 * flow item=&lt;SKU&gt; kind=&lt;kind|any&gt; reason=&lt;reason&gt; [unused=yes|no]
 * choose
 * refused rule=&lt;rule&gt;
 * visit install|repair item=&lt;SKU&gt;
 * none
 * </pre>
 * Kinds and reasons are compared after a per-category normalisation, because for a shopper (and for
 * the policy) several names mean the same request: a spoiled strawberry's "return" is a refund, a
 * broken fridge's "refund" is a return.
 */
record OpeningExpectation(Type type, String sku, String kind, String reason, Boolean unused, String visit, String rule) {

    enum Type {
        FLOW, CHOOSE, REFUSED, VISIT, NONE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final Set<String> KINDS = Set.of("refund", "return", "replacement", "reship", "price_protection");
    static final Set<String> REASONS = Set.of("spoiled", "damaged", "wrong_item", "missing", "quality", "no_reason", "price_drop");
    static final Set<String> VISITS = Set.of("install", "repair");
    private static final String ANY = "any";

    /**
     * Reason names some sets use for a case of one of ours: held-out 3 names thawed goods and goods crushed
     * in transit apart (eval/heldout3/SCORING.md), while the policy knows them as spoiled and damaged.
     */
    private static final Map<String, String> REASON_ALIASES = Map.of("thawed", "spoiled", "crushed", "damaged");

    private static String alias(String reason) {
        return REASON_ALIASES.getOrDefault(reason, reason);
    }

    /** Parses the expected column; throws IllegalArgumentException naming the problem. */
    static OpeningExpectation parse(String text) {
        String[] words = text.strip().split("\\s+");
        Type type;
        try {
            type = Type.valueOf(words[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown expected type '" + words[0] + "'");
        }
        String visit = null;
        int first = 1;
        if (type == Type.VISIT) {
            if (words.length < 2 || !VISITS.contains(words[1])) {
                throw new IllegalArgumentException("visit needs install or repair");
            }
            visit = words[1];
            first = 2;
        }
        Map<String, String> keys = new HashMap<>();
        for (int i = first; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + words[i] + "'");
            }
            keys.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
        return switch (type) {
            case FLOW -> flow(keys);
            case CHOOSE, NONE -> {
                only(keys, Set.of());
                yield new OpeningExpectation(type, null, null, null, null, null, null);
            }
            case REFUSED -> {
                only(keys, Set.of("rule"));
                yield new OpeningExpectation(type, null, null, null, null, null, required(keys, "rule"));
            }
            case VISIT -> {
                only(keys, Set.of("item"));
                yield new OpeningExpectation(type, required(keys, "item"), null, null, null, visit, null);
            }
        };
    }

    private static OpeningExpectation flow(Map<String, String> keys) {
        only(keys, Set.of("item", "kind", "reason", "unused"));
        String kind = required(keys, "kind");
        if (!ANY.equals(kind) && !KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown kind '" + kind + "'");
        }
        // price protection is a refund of the price difference: the reason says which
        String reason = alias("price_protection".equals(kind) ? keys.getOrDefault("reason", "price_drop") : required(keys, "reason"));
        if (!REASONS.contains(reason)) {
            throw new IllegalArgumentException("unknown reason '" + reason + "'");
        }
        Boolean unused = null;
        if (keys.containsKey("unused")) {
            unused = switch (keys.get("unused")) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new IllegalArgumentException("unused must be yes or no");
            };
        }
        return new OpeningExpectation(Type.FLOW, required(keys, "item"), kind, reason, unused, null, null);
    }

    private static String required(Map<String, String> keys, String key) {
        String v = keys.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("missing " + key + "=");
        }
        return v;
    }

    private static void only(Map<String, String> keys, Set<String> allowed) {
        for (String k : keys.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unexpected key '" + k + "'");
            }
        }
    }

    /**
     * Whether the first reply reached this expectation.
     *
     * @param category category of the order holding the expected item (fresh, appliance, furniture), or
     *                 null when unknown (then kinds and reasons must match exactly)
     */
    boolean reachedBy(Observation o, String category) {
        if (o.hasError()) {
            return false;
        }
        JsonNode as = o.aftersales();
        return switch (type) {
            // a refusal on the same reply does not matter here: the slots the bot understood are graded
            case FLOW -> as != null && sku.equals(Observation.text(as, "sku")) && flowSlotsMatch(as, category);
            case CHOOSE -> as != null && "order".equals(Observation.text(as, "step")) && o.quickReplies() >= 2;
            case REFUSED -> o.decision() != null && "rejected".equals(Observation.text(o.decision(), "outcome"))
                    && rule.equals(Observation.text(o.decision(), "rule"));
            case VISIT -> as != null && visit.equals(Observation.text(as, "visit")) && sku.equals(Observation.text(as, "sku"));
            case NONE -> as == null && !o.handedOff();
        };
    }

    private boolean flowSlotsMatch(JsonNode as, String category) {
        String expectedReason = normalReason(reason, category);
        String actualReason = normalReason(Observation.text(as, "reason"), category);
        if (!expectedReason.equals(actualReason)) {
            return false;
        }
        if (!ANY.equals(kind)) {
            String actualKind = Observation.text(as, "kind");
            if (actualKind == null || !normalKind(kind, category, expectedReason).equals(normalKind(actualKind, category, expectedReason))) {
                return false;
            }
        }
        if (unused != null) {
            JsonNode u = as.get("unused");
            return u != null && u.isBoolean() && u.booleanValue() == unused;
        }
        return true;
    }

    /** Fresh goods: "quality" problems of food are spoilage; durable goods: spoilage is a quality problem. */
    static String normalReason(String reason, String category) {
        if (reason == null || category == null) {
            return reason;
        }
        if ("fresh".equals(category)) {
            return "quality".equals(reason) ? "spoiled" : reason;
        }
        return "spoiled".equals(reason) ? "quality" : reason;
    }

    /**
     * Fresh goods are never sent back: a return is a refund and a replacement is a reship. Appliances and
     * furniture are sent back for a refund, so refund means return, except for a price drop (a refund of
     * the difference, nothing goes back). Price protection is that refund.
     */
    static String normalKind(String kind, String category, String reason) {
        if (kind == null) {
            return null;
        }
        if ("price_protection".equals(kind)) {
            return "refund";
        }
        if (category == null) {
            return kind;
        }
        if ("fresh".equals(category)) {
            return switch (kind) {
                case "return" -> "refund";
                case "replacement" -> "reship";
                default -> kind;
            };
        }
        return "refund".equals(kind) && !"price_drop".equals(reason) ? "return" : kind;
    }

    /** The expectation in the grammar it was written in. */
    @Override
    public String toString() {
        return switch (type) {
            case FLOW -> "flow item=" + sku + " kind=" + kind + " reason=" + reason + (unused == null ? "" : " unused=" + (unused ? "yes" : "no"));
            case CHOOSE, NONE -> type.label();
            case REFUSED -> "refused rule=" + rule;
            case VISIT -> "visit " + visit + " item=" + sku;
        };
    }

    /**
     * The kind of outcome the reply shows, as one word of the grammar (for counting held-out misses
     * without their sentences): error, refused, visit, choose, flow, handoff or none.
     */
    static String typeOf(Observation o) {
        if (o.hasError()) {
            return "error";
        }
        JsonNode decision = o.decision();
        if (decision != null && "rejected".equals(Observation.text(decision, "outcome"))) {
            return "refused";
        }
        JsonNode as = o.aftersales();
        if (as != null) {
            if (Observation.text(as, "visit") != null) {
                return "visit";
            }
            return isChoosing(as) ? "choose" : "flow";
        }
        return o.handedOff() ? "handoff" : "none";
    }

    /** What the reply shows, in the same grammar, e.g. {@code flow item=X kind=null reason=quality} or {@code handoff low_confidence}. */
    static String describe(Observation o) {
        if (o.hasError()) {
            return "error " + o.error();
        }
        StringBuilder out = new StringBuilder();
        JsonNode as = o.aftersales();
        if (as != null) {
            if (Observation.text(as, "visit") != null) {
                out.append("visit ").append(Observation.text(as, "visit")).append(" item=").append(Observation.text(as, "sku"));
            } else if (isChoosing(as)) {
                out.append("choose (").append(o.quickReplies()).append(" quick replies)");
            } else {
                out.append("flow item=").append(Observation.text(as, "sku")).append(" kind=").append(Observation.text(as, "kind"))
                        .append(" reason=").append(Observation.text(as, "reason"));
                JsonNode u = as.get("unused");
                if (u != null && u.isBoolean()) {
                    out.append(" unused=").append(u.booleanValue() ? "yes" : "no");
                }
                out.append(" step=").append(Observation.text(as, "step"));
            }
        }
        JsonNode decision = o.decision();
        if (decision != null) {
            String outcome = Observation.text(decision, "outcome");
            String what = "rejected".equals(outcome) ? "refused" : "decision " + outcome;
            out.append(out.isEmpty() ? "" : "; ").append(what).append(" rule=").append(Observation.text(decision, "rule"));
        }
        if (o.handedOff()) {
            out.append(out.isEmpty() ? "" : "; ").append("handoff ").append(o.handoffReason());
        }
        if (out.isEmpty()) {
            out.append(o.answered() ? "answered " + o.firstArticle() : "clarified"); // both are "none" for grading
        }
        return out.toString();
    }

    /** The bot asks which order: step "order" and nothing chosen yet. */
    private static boolean isChoosing(JsonNode as) {
        return "order".equals(Observation.text(as, "step")) && Observation.text(as, "sku") == null;
    }
}

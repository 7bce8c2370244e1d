package shop.kefu.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tallies of {@link ChatEvalTest} and the Markdown report. Dev misses are listed with their sentences;
 * held-out misses only as counts per (expected type → got type) and, for openings, the expected and
 * actual outcome, never the sentences, so nobody tunes the engine on individual held-out sentences.
 */
final class ChatEvalReport {

    private ChatEvalReport() {
    }

    /** Knowledge questions of one set. Clarified and handed off are shares of the answerable questions. */
    static final class QuestionTally {
        final boolean heldOut;
        boolean ran;
        int answerable, correct, wrong, clarified, handedOff, errors, unanswerable, unanswerableAnswered;
        final List<String> misses = new ArrayList<>();
        final Map<String, Integer> missGroups = new TreeMap<>();

        QuestionTally(boolean heldOut) {
            this.heldOut = heldOut;
        }

        void add(DevSet.Case c, Observation o) {
            ran = true;
            String group;
            if (c.answerable()) {
                answerable++;
                if (o.hasError()) {
                    errors++;
                    group = "answerable → error";
                } else if (o.answered()) {
                    if (c.expected().equals(o.firstArticle())) {
                        correct++;
                        return;
                    }
                    wrong++;
                    group = "answerable → wrong article";
                } else if (o.handedOff()) {
                    handedOff++;
                    group = "answerable → handed off";
                } else {
                    clarified++;
                    group = "answerable → clarified";
                }
            } else {
                unanswerable++;
                if (o.hasError()) {
                    errors++;
                    group = "unanswerable → error";
                } else if (o.answered()) {
                    unanswerableAnswered++;
                    group = "unanswerable → answered";
                } else {
                    return; // clarifying or handing off is right for a question the knowledge base cannot answer
                }
            }
            missGroups.merge(group, 1, Integer::sum);
            if (!heldOut) {
                misses.add("- " + c.question() + " — expected `" + c.expected() + "`, got `" + o.describeAnswer() + "`");
            }
        }

        double correctShare() {
            return share(correct, answerable);
        }

        double wrongShare() {
            return share(wrong, answerable);
        }

        double unanswerableAnsweredShare() {
            return share(unanswerableAnswered, unanswerable);
        }
    }

    /** After-sales openings of one set. */
    static final class OpeningTally {
        final boolean heldOut;
        boolean ran;
        int total, reached, errors;
        final Map<OpeningExpectation.Type, int[]> byType = new LinkedHashMap<>(); // type → {reached, total}
        final List<String> misses = new ArrayList<>();
        final Map<String, Integer> missGroups = new TreeMap<>();

        OpeningTally(boolean heldOut) {
            this.heldOut = heldOut;
            for (OpeningExpectation.Type t : OpeningExpectation.Type.values()) {
                byType.put(t, new int[2]);
            }
        }

        void add(OpeningSet.Opening opening, Observation o, boolean ok) {
            ran = true;
            total++;
            int[] t = byType.get(opening.expected().type());
            t[1]++;
            if (o.hasError()) {
                errors++;
            }
            if (ok) {
                reached++;
                t[0]++;
                return;
            }
            missGroups.merge(opening.expected().type().label() + " → " + OpeningExpectation.typeOf(o), 1, Integer::sum);
            if (!heldOut) {
                misses.add("- " + opening.name() + ": " + opening.message() + " — expected `" + opening.expected() + "`, got `"
                        + OpeningExpectation.describe(o) + "` (bot: " + abbreviate(o.text(), 60) + ")");
            } else {
                // what went wrong, by class: the expected and actual outcome, never the shopper's words
                misses.add("- expected `" + opening.expected() + "`, got `" + OpeningExpectation.describe(o) + "`");
            }
        }

        double reachedShare() {
            return share(reached, total);
        }
    }

    static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /** One set's tallies under its label in the report. */
    record Column(String label, QuestionTally questions, OpeningTally openings) {
    }

    /**
     * The report: a row per set, then dev misses with their sentences and, for each held-out set, its
     * misses as counts only.
     */
    static String render(List<Column> sets, List<String> notes) {
        StringBuilder md = new StringBuilder("# Chat evaluation (every case through /ws/chat, as a new shopper)\n\n");
        md.append("| set                | answerable | correct | wrong  | clarified | handed off | unanswerable | unans. answered | openings | reached |\n");
        md.append("|--------------------|-----------:|--------:|-------:|----------:|-----------:|-------------:|----------------:|---------:|--------:|\n");
        sets.forEach(c -> md.append(row(c.label(), c.questions(), c.openings())));
        md.append("\ncorrect, wrong, clarified and handed off: % of answerable questions; unans. answered: % of unanswerable;"
                + " reached: % of openings whose first reply shows the expected outcome.\n\n");
        md.append("| expected |");
        sets.forEach(c -> md.append(' ').append(c.label()).append(" |"));
        md.append("\n|----------|");
        sets.forEach(c -> md.append("-".repeat(c.label().length() + 1)).append(":|"));
        md.append('\n');
        for (OpeningExpectation.Type t : OpeningExpectation.Type.values()) {
            md.append(String.format(Locale.ROOT, "| %-8s |", t.label()));
            sets.forEach(c -> md.append(String.format(Locale.ROOT, " %" + c.label().length() + "s |", fraction(c.openings(), t))));
            md.append('\n');
        }
        if (!notes.isEmpty()) {
            md.append("\nNotes:\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        for (Column c : sets) {
            if (!c.questions().heldOut) {
                md.append("\n## ").append(c.label()).append(" misses\n\n### Questions\n\n");
                list(md, c.questions().ran, c.questions().misses);
                md.append("\n### Openings\n\n");
                list(md, c.openings().ran, c.openings().misses);
            } else {
                md.append("\n## ").append(c.label()).append(" misses (counts only, no sentences)\n\n### Questions\n\n");
                groups(md, c.questions().ran, c.questions().missGroups);
                md.append("\n### Openings\n\n");
                groups(md, c.openings().ran, c.openings().missGroups);
                md.append("\nBy outcome (expected and actual, without the shopper's words):\n\n");
                list(md, c.openings().ran, c.openings().misses);
            }
        }
        return md.toString();
    }

    private static String row(String set, QuestionTally q, OpeningTally o) {
        return String.format(Locale.ROOT, "| %-18s | %10s | %7s | %6s | %9s | %10s | %12s | %15s | %8s | %7s |%n", set,
                q.ran ? q.answerable : "–", pct(q.ran, q.correctShare()), pct(q.ran, q.wrongShare()),
                pct(q.ran, share(q.clarified, q.answerable)), pct(q.ran, share(q.handedOff, q.answerable)),
                q.ran ? q.unanswerable : "–", pct(q.ran, q.unanswerableAnsweredShare()), o.ran ? o.total : "–",
                pct(o.ran, o.reachedShare()));
    }

    private static String pct(boolean ran, double share) {
        return !ran || Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String fraction(OpeningTally o, OpeningExpectation.Type t) {
        int[] n = o.byType.get(t);
        return o.ran ? n[0] + "/" + n[1] : "–";
    }

    private static void list(StringBuilder md, boolean ran, List<String> misses) {
        if (!ran) {
            md.append("(not run)\n");
        } else if (misses.isEmpty()) {
            md.append("(none)\n");
        } else {
            misses.forEach(m -> md.append(m).append('\n'));
        }
    }

    private static void groups(StringBuilder md, boolean ran, Map<String, Integer> groups) {
        if (!ran) {
            md.append("(not run)\n");
        } else if (groups.isEmpty()) {
            md.append("(none)\n");
        } else {
            groups.forEach((g, n) -> md.append("- ").append(g).append(": ").append(n).append('\n'));
        }
    }

    private static String abbreviate(String s, int max) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }
}

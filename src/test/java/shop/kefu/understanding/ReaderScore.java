package shop.kefu.understanding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import shop.kefu.knowledge.Dialect;
import shop.kefu.knowledge.Script;

/**
 * A reader's readings of labelled messages (eval/understanding-*.tsv) and how many it got right: the intent of
 * every message, and of after-sales ones the reason, the kind, and all three together. Shared by
 * ReaderEvalTest and TrainingProbe.
 */
record ReaderScore(String file, int lines, int intent, int claims, int reason, int kind, int all, List<String> readings, String misses) {

    /** The shipped dialect words, which the service reads as Mandarin (after traditional characters as simplified) before the understanding does. */
    private static final Dialect AS_READ = Dialect.load(Path.of("knowledge-base/dialect.txt"));

    static ReaderScore of(Reader reader, Function<String, float[]> embed, List<Reader.Example> lines, String file) {
        int intent = 0, claims = 0, reason = 0, kind = 0, all = 0;
        List<String> readings = new ArrayList<>();
        StringBuilder misses = new StringBuilder();
        for (Reader.Example x : lines) {
            String text = AS_READ.toMandarin(Script.simplified(x.text())); // as the service reads a message (homophones need the articles)
            Reading r = reader.read(text, embed.apply(Reader.embedded(text)));
            readings.add(r.intent() + "/" + r.kind() + "/" + r.reason() + "/" + r.unused());
            boolean intentRight = r.intent().name().equalsIgnoreCase(x.intent());
            if (intentRight) {
                intent++;
            }
            if (!"aftersales".equals(x.intent())) {
                if (!intentRight) {
                    misses.append(String.format("  %s <- %s => %s%n", x.intent(), x.text(), r));
                }
                continue;
            }
            claims++;
            boolean reasonRight = Reader.toReason(x.reason()) == r.reason();
            boolean kindRight = Reader.toKind(x.kind()) == r.kind();
            reason += reasonRight ? 1 : 0;
            kind += kindRight ? 1 : 0;
            if (intentRight && reasonRight && kindRight) {
                all++;
            } else {
                misses.append(String.format("  %s/%s/%s <- %s => %s%n", x.intent(), x.kind(), x.reason(), x.text(), r));
            }
        }
        return new ReaderScore(file, lines.size(), intent, claims, reason, kind, all, readings, misses.toString());
    }

    double intentShare() {
        return (double) intent / lines;
    }

    double allShare() {
        return (double) all / claims;
    }

    String figures() {
        return String.format(Locale.ROOT, "Reader on %s: intent %.1f%% of %d messages; of %d after-sales ones, reason %.1f%%, kind "
                + "%.1f%%, intent, kind and reason together %.1f%% (%d)", file, 100.0 * intent / lines, lines, claims, 100.0 * reason / claims,
                100.0 * kind / claims, 100 * allShare(), all);
    }

    /** How many messages this and {@code other} (the same messages) read differently. */
    int moved(ReaderScore other) {
        int n = 0;
        for (int i = 0; i < readings.size(); i++) {
            n += readings.get(i).equals(other.readings.get(i)) ? 0 : 1;
        }
        return n;
    }
}

package shop.kefu.understanding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import shop.kefu.knowledge.Embedder;

/**
 * The reader, trained on the shipped examples, on messages labelled by another hand that it was never trained on
 * (eval/understanding-dev.tsv, docs/understanding.md): the share of messages whose intent it reads right, and of
 * after-sales ones whose intent, kind and reason it reads right together. A dev set: its misses have been read.
 * {@code ./mvnw test -Dtest=ReaderEvalTest}
 */
@Tag("eval")
class ReaderEvalTest {

    @Test
    void readsAnotherHandsLabelledMessages() throws Exception {
        Embedder embedder = new Embedder();
        Reader reader = Probe.reader(embedder);
        List<Reader.Example> lines = Reader.parseExamples(Files.readString(Path.of("eval/understanding-dev.tsv")), "eval/understanding-dev.tsv");
        int intent = 0, claims = 0, reason = 0, kind = 0, all = 0;
        StringBuilder misses = new StringBuilder();
        for (Reader.Example x : lines) {
            Reading r = reader.read(x.text(), embedder.apply(x.text()));
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
        double whole = (double) all / claims;
        System.out.printf(Locale.ROOT, "%nReader on eval/understanding-dev.tsv: intent %.1f%% of %d messages; of %d after-sales ones, "
                + "reason %.1f%%, kind %.1f%%, intent, kind and reason together %.1f%%%nMisses:%n%s", 100.0 * intent / lines.size(),
                lines.size(), claims, 100.0 * reason / claims, 100.0 * kind / claims, 100 * whole, misses);
        assertTrue(100.0 * intent / lines.size() >= 95, "intent right on another hand's messages");
        assertTrue(whole >= 0.85, "intent, kind and reason right together on another hand's after-sales messages: " + whole);
    }
}

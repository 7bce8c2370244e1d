package shop.kefu.understanding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import shop.kefu.knowledge.Embedder;

/**
 * The reader, trained on the shipped examples, on messages labelled by other hands that it was never trained on
 * (docs/understanding.md): the share of messages whose intent it reads right, and of after-sales ones whose
 * intent, kind and reason it reads right together. eval/understanding-dev.tsv is a dev set (its misses are
 * printed and have been read); eval/understanding-heldout.tsv is blind: only its figures are printed.
 * {@code ./mvnw test -Dtest=ReaderEvalTest}
 */
@Tag("eval")
class ReaderEvalTest {

    private static Embedder embedder;
    private static Reader reader;

    @BeforeAll
    static void train() {
        embedder = new Embedder();
        reader = Probe.reader(embedder);
    }

    @Test
    void readsAnotherHandsLabelledMessages() throws Exception {
        ReaderScore s = score(Path.of("eval/understanding-dev.tsv"));
        System.out.printf("%n%s%nMisses:%n%s", s.figures(), s.misses());
        assertTrue(s.intentShare() >= 0.95, "intent right on another hand's messages: " + s.intentShare());
        assertTrue(s.allShare() >= 0.84, "intent, kind and reason right together on another hand's after-sales messages: " + s.allShare());
    }

    /** Floors: what the readers of sessions 16 and 17 reached at the first runs on it (95.8% and 95.5%; 81.8%), less a little. */
    @Test
    void readsBlindHeldOutMessages() throws Exception {
        ReaderScore s = score(Path.of("eval/understanding-heldout.tsv"));
        System.out.printf("%n%s (blind: misses not shown)%n", s.figures());
        assertTrue(s.intentShare() >= 0.94, "intent right on the blind messages: " + s.intentShare());
        assertTrue(s.allShare() >= 0.80, "intent, kind and reason right together on the blind after-sales messages: " + s.allShare());
    }

    /**
     * Shoppers who type punctuation, emoji or laughter are read as those who type spaces: every dev message
     * written with commas (and a question mark at the end of a question), or with an emoji or 哈哈 after
     * it, gets the reading it gets as written.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "，", "😭", "哈哈" })
    void howAMessageIsTypedChangesNoReading(String typing) throws Exception {
        Path file = Path.of("eval/understanding-dev.tsv");
        List<String> differ = new ArrayList<>();
        for (Reader.Example e : Reader.parseExamples(Files.readString(file), file.toString())) {
            String spaced = e.text().strip();
            String punctuated = typing.equals("，") ? spaced.replaceAll(" +", "，") + (spaced.endsWith("吗") ? "？" : "") : spaced + typing;
            Reading plain = reader.read(spaced, embedder.apply(Reader.embedded(spaced)));
            Reading typed = reader.read(punctuated, embedder.apply(Reader.embedded(punctuated)));
            if (!plain.equals(typed)) {
                differ.add(punctuated + " => " + typed + " (as written: " + plain + ")");
            }
        }
        assertTrue(differ.isEmpty(), differ.size() + " messages read otherwise:\n" + String.join("\n", differ));
    }

    private static ReaderScore score(Path file) throws Exception {
        return ReaderScore.of(reader, embedder, Reader.parseExamples(Files.readString(file), file.toString()), file.toString());
    }
}

package shop.kefu.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import shop.kefu.knowledge.ArticleFiles;
import shop.kefu.knowledge.Confidence;
import shop.kefu.knowledge.Embedder;
import shop.kefu.knowledge.KnowledgeIndex.Mode;
import shop.kefu.knowledge.KnowledgeIndex;

/**
 * The knowledge-base evaluation (docs/knowledge.md). Prints, for BM25 only, embeddings only and the
 * hybrid: top-1 accuracy, MRR@5, the share of unanswerable questions not answered confidently and the
 * precision above the answer threshold; then checks the hybrid against its targets with the confidence
 * model the service ships. Run alone: {@code ./mvnw test -Dtest=KbEvalTest}.
 */
@Tag("eval")
class KbEvalTest {

    /** The service's kefu.kb.answer-threshold. */
    static final double THRESHOLD = 0.65;
    static KnowledgeIndex index;
    static DevSet dev;

    @BeforeAll
    static void build() {
        index = KbEval.buildIndex(Path.of("knowledge-base"), new Embedder());
        dev = DevSet.load(Path.of("eval/dev.tsv"));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void devSetIsWhatTheIssueAsksFor() {
        long answerable = dev.cases().stream().filter(DevSet.Case::answerable).count();
        long unanswerable = dev.cases().size() - answerable;
        Set<String> ids = ArticleFiles.load(Path.of("knowledge-base")).stream().map(a -> a.id()).collect(java.util.stream.Collectors.toSet());
        assertTrue(ids.size() >= 80, "at least 80 articles, got " + ids.size());
        assertTrue(answerable >= 200 && unanswerable >= 40, answerable + " answerable, " + unanswerable + " unanswerable");
        dev.cases().stream().filter(DevSet.Case::answerable)
                .forEach(c -> assertTrue(ids.contains(c.expected()), "unknown article " + c.expected()));
        double noSharedWord = Vocabulary.shareWithoutTitleWords(dev, ArticleFiles.load(Path.of("knowledge-base")));
        System.out.printf("Dev set: %d answerable, %d unanswerable; %.0f%% of answerable share no content word with their title%n",
                answerable, unanswerable, 100 * noSharedWord);
        assertTrue(noSharedWord >= 0.5, "at least half share no content word with the title: " + noSharedWord);
    }

    /**
     * A question finds what it finds as written, as surely, however it is typed around its words: every dev
     * question with its spaces written as commas and a question mark at its end, addressed as 亲, with an
     * emoji or 哈哈 after it. Before the search read separators as spaces and left these out, the right
     * article came first for 1.5 points fewer with punctuation, and 7 to 13 points fewer were answered
     * addressed as 亲 or with 哈哈 (docs/knowledge.md).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "，|？", "亲，|", "|😭", "|哈哈" })
    void howAQuestionIsTypedChangesNoAnswer(String typing) {
        String[] around = typing.split("\\|", -1);
        List<String> differ = new ArrayList<>();
        for (DevSet.Case c : dev.cases()) {
            String written = c.question().strip();
            String typed = around[0].equals("，") ? written.replaceAll(" +", "，") + around[1] : around[0] + written + around[1];
            KnowledgeIndex.Result a = index.search(written, 3);
            KnowledgeIndex.Result b = index.search(typed, 3);
            if (!a.hits().stream().map(h -> h.article().id()).toList().equals(b.hits().stream().map(h -> h.article().id()).toList())
                    || Math.abs(a.confidence() - b.confidence()) > 1e-9) {
                differ.add(typed);
            }
        }
        assertTrue(differ.isEmpty(), differ.size() + " questions found otherwise: " + differ);
    }

    @Test
    void hybridMeetsTheTargetsAndBeatsEitherAlone() {
        Map<Mode, KbEval.Metrics> shipped = new EnumMap<>(Mode.class);
        StringBuilder table = new StringBuilder("\nKnowledge-base evaluation on eval/dev.tsv (answer threshold " + THRESHOLD
                + ")\nShipped confidence model:\n" + KbEval.Metrics.header() + "\n");
        StringBuilder refit = new StringBuilder("Confidence refitted per mode on this dev set:\n" + KbEval.Metrics.header() + "\n");
        for (Mode mode : Mode.values()) {
            List<KbEval.Scored> scored = KbEval.score(index, dev, mode);
            Confidence fitted = KbEval.fit(scored);
            KbEval.Metrics m = KbEval.metrics(mode, scored, mode == Mode.HYBRID ? Confidence.DEFAULT : fitted, THRESHOLD);
            shipped.put(mode, m);
            table.append(m.row()).append('\n');
            refit.append(KbEval.metrics(mode, scored, fitted, THRESHOLD).row()).append("  weights ")
                    .append(Arrays.toString(Arrays.stream(fitted.weights()).map(w -> Math.round(w * 1e4) / 1e4).toArray()))
                    .append('\n');
        }
        System.out.println(table + "(BM25 and embeddings rows use a confidence model fitted for that mode)\n" + refit);
        KbEval.Metrics hybrid = shipped.get(Mode.HYBRID);
        assertTrue(hybrid.top1() >= 0.92, "hybrid top-1 " + hybrid.top1());
        assertTrue(hybrid.mrr5() >= 0.95, "hybrid MRR@5 " + hybrid.mrr5());
        assertTrue(hybrid.unansweredOk() >= 0.90, "unanswerable not answered " + hybrid.unansweredOk());
        assertTrue(hybrid.precisionAbove() >= 0.95, "precision above threshold " + hybrid.precisionAbove());
        assertTrue(hybrid.top1() > shipped.get(Mode.BM25).top1() && hybrid.top1() >= shipped.get(Mode.EMBEDDINGS).top1());
    }
}

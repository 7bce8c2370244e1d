package shop.kefu.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import shop.kefu.knowledge.ArticleData;
import shop.kefu.knowledge.ArticleFiles;
import shop.kefu.knowledge.Confidence;
import shop.kefu.knowledge.Embedder;
import shop.kefu.knowledge.KnowledgeIndex;
import shop.kefu.knowledge.KnowledgeIndex.Mode;
import shop.kefu.knowledge.Synonyms;

/**
 * Whether a knowledge base's own articles show how its shoppers' questions will score, which a threshold per
 * knowledge base would need (docs/knowledge.md, "One threshold for every knowledge base?"). For each dev
 * knowledge base, by search: the mean logit of the confidence of each article's phrasings asked with the article
 * left out (five folds), of each article's first question asked with that question removed (when the article
 * still comes first), and of the set's own unanswerable and rightly answered questions. Dev sets only.
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=shop.kefu.eval.KbCalibrationProbe}
 */
public final class KbCalibrationProbe {

    private static final int FOLDS = 5;

    private record Kb(String name, Path articles, List<Path> questions) {
    }

    private static final List<Kb> DEV = List.of(
            new Kb("dev", Path.of("knowledge-base"), List.of(Path.of("eval/dev.tsv"), Path.of("eval/dev-nearmiss.tsv"))),
            new Kb("dev 2", Path.of("eval/heldout/knowledge-base"), List.of(Path.of("eval/heldout/questions.tsv"))),
            new Kb("dev 3", Path.of("eval/heldout2/knowledge-base"), List.of(Path.of("eval/heldout2/questions.tsv"))),
            new Kb("dev 4", Path.of("eval/heldout3/knowledge-base"), List.of(Path.of("eval/heldout3/questions.tsv"))),
            new Kb("dev 5", Path.of("eval/heldout4/knowledge-base"), List.of(Path.of("eval/heldout4/questions.tsv"))));

    private KbCalibrationProbe() {
    }

    public static void main(String[] args) {
        Embedder model = new Embedder();
        Function<String, float[]> embed = KbEval.memo(model);
        Synonyms synonyms = KbEval.synonyms(Path.of("knowledge-base"));
        StringBuilder out = new StringBuilder(
                "| set | left-out phrasings | removed questions (right top) | its unanswerable questions | its questions answered right | at 0.65: right / unanswerable answered | at 0.45 |\n"
                        + "|---|---:|---:|---:|---:|---|---|\n");
        for (Kb kb : DEV) {
            List<ArticleData> articles = ArticleFiles.load(kb.articles());
            DevSet questions = kb.questions().stream().map(DevSet::load).reduce(DevSet::plus).orElseThrow();
            List<KbEval.Scored> real;
            try (KnowledgeIndex index = index(articles, synonyms, embed, model)) {
                real = KbEval.score(index, questions, Mode.HYBRID);
            }
            List<Double> leftOut = new ArrayList<>();
            List<Double> removed = new ArrayList<>();
            for (int f = 0; f < FOLDS; f++) {
                int fold = f;
                List<ArticleData> inFold = articles.stream().filter(a -> Math.floorMod(a.id().hashCode(), FOLDS) == fold).toList();
                try (KnowledgeIndex index = index(articles.stream().filter(a -> !inFold.contains(a)).toList(), synonyms, embed, model)) {
                    for (ArticleData a : inFold) {
                        List<String> phrasings = new ArrayList<>(a.questions());
                        phrasings.add(0, a.title());
                        for (String p : phrasings) {
                            leftOut.add(logit(index.search(index.spelled(p), 5, Mode.HYBRID)));
                        }
                    }
                }
                List<ArticleData> cut = articles.stream().map(a -> inFold.contains(a) && !a.questions().isEmpty()
                        ? new ArticleData(a.id(), a.category(), a.title(), a.questions().subList(1, a.questions().size()), a.answer(), a.tags())
                        : a).toList();
                try (KnowledgeIndex index = index(cut, synonyms, embed, model)) {
                    for (ArticleData a : inFold) {
                        if (!a.questions().isEmpty()) {
                            KnowledgeIndex.Result r = index.search(index.spelled(a.questions().get(0)), 5, Mode.HYBRID);
                            if (r.top() != null && r.top().article().id().equals(a.id())) {
                                removed.add(logit(r));
                            }
                        }
                    }
                }
            }
            double[] p = real.stream().mapToDouble(s -> s.r().top() == null ? 0 : s.r().confidence()).toArray();
            KbEval.Outcome at65 = KbEval.outcome(real, p, 0.65);
            KbEval.Outcome at45 = KbEval.outcome(real, p, 0.45);
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.1f%% / %.1f%% | %.1f%% / %.1f%% |%n", kb.name(),
                    mean(leftOut), mean(removed), mean(real.stream().filter(s -> !s.c().answerable()).map(s -> logit(s.r())).toList()),
                    mean(real.stream().filter(KbEval.Scored::correct).map(s -> logit(s.r())).toList()),
                    100 * at65.right(), 100 * at65.unanswerableAnswered(), 100 * at45.right(), 100 * at45.unanswerableAnswered()));
        }
        System.out.println(out);
    }

    private static KnowledgeIndex index(List<ArticleData> articles, Synonyms synonyms, Function<String, float[]> embed, Embedder model) {
        KnowledgeIndex index = KbEval.buildIndex(articles, synonyms, embed, model);
        index.tune(KnowledgeIndex.FUSION, Confidence.DEFAULT);
        return index;
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double logit(KnowledgeIndex.Result r) {
        double p = Math.max(1e-6, Math.min(1 - 1e-6, r.top() == null ? 0 : r.confidence()));
        return Math.log(p / (1 - p));
    }
}

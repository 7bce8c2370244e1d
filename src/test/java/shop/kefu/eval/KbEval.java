package shop.kefu.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import shop.kefu.common.DataFiles;
import shop.kefu.knowledge.ArticleData;
import shop.kefu.knowledge.ArticleFiles;
import shop.kefu.knowledge.Confidence;
import shop.kefu.knowledge.Embedder;
import shop.kefu.knowledge.Dialect;
import shop.kefu.knowledge.Fillers;
import shop.kefu.knowledge.KnowledgeIndex;
import shop.kefu.knowledge.KnowledgeIndex.Mode;
import shop.kefu.knowledge.Synonyms;

/** Retrieval quality of the knowledge base on the dev set, for each ranking mode. */
public final class KbEval {

    public record Scored(DevSet.Case c, KnowledgeIndex.Result r) {
        boolean correct() {
            return c.answerable() && r.top() != null && r.top().article().id().equals(c.expected());
        }
    }

    public record Metrics(Mode mode, double top1, double mrr5, double unansweredOk, double precisionAbove,
            double answeredShare, int n, int unanswerable) {
        public String row() {
            return String.format(Locale.ROOT, "| %-10s | %6.1f%% | %6.3f | %9.1f%% | %10.1f%% | %9.1f%% |", mode,
                    100 * top1, mrr5, 100 * unansweredOk, 100 * precisionAbove, 100 * answeredShare);
        }

        public static String header() {
            return "| mode       | top-1   | MRR@5  | unanswerable not answered | precision above threshold | answered  |\n"
                    + "|------------|---------|--------|-----------|------------|-----------|";
        }
    }

    public static KnowledgeIndex buildIndex(Path kbDir, Embedder embedder) {
        return buildIndex(ArticleFiles.load(kbDir), synonyms(kbDir), memo(embedder), embedder);
    }

    /** As the service loads them: synonyms.txt and the product words of understanding/products.txt. */
    public static Synonyms synonyms(Path kbDir) {
        try {
            return Synonyms.load(kbDir.resolve("synonyms.txt"))
                    .plus(Synonyms.products(java.nio.file.Files.readString(kbDir.resolve("understanding/products.txt"))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static KnowledgeIndex buildIndex(List<ArticleData> articles, Synonyms synonyms, Function<String, float[]> embed, Embedder model) {
        KnowledgeIndex index = new KnowledgeIndex(questions(model), model);
        index.setSynonyms(synonyms);
        index.setFillers(FILLERS);
        index.setDialect(DIALECT);
        index.putAll(articles, texts -> texts.stream().map(embed).toList(), (done, total) -> {
        });
        index.optimize(); // searched as the service searches after a rebuild: one segment
        return index;
    }

    private static final Map<Embedder, Function<String, Embedder.Question>> QUESTIONS = new ConcurrentHashMap<>();
    /** As the service reads them: the shipped lists, for every knowledge base the eval builds. */
    private static final Dialect DIALECT = Dialect.load(Path.of("knowledge-base/dialect.txt"));
    private static final Fillers FILLERS = Fillers.parse(DataFiles.read(Path.of("knowledge-base/fillers.txt"), "knowledge-base/fillers.txt"));

    /** Each question embedded once per model: the eval asks every question of several indexes. */
    static Function<String, Embedder.Question> questions(Embedder model) {
        return QUESTIONS.computeIfAbsent(model, m -> {
            Map<String, Embedder.Question> seen = new ConcurrentHashMap<>();
            return text -> seen.computeIfAbsent(text, m::question);
        });
    }

    /** One model call per distinct text: the eval builds several indexes and asks every question often. */
    public static Function<String, float[]> memo(Embedder embedder) {
        Map<String, float[]> seen = new ConcurrentHashMap<>();
        return text -> seen.computeIfAbsent(text, embedder);
    }

    /**
     * The articles as a new editor would write them: the title and the first alternative question only.
     * The shipped articles got extra questions after dev-set misses were seen; this variant has none.
     */
    public static List<ArticleData> sparse(List<ArticleData> articles) {
        return articles.stream().map(a -> new ArticleData(a.id(), a.category(), a.title(),
                a.questions().isEmpty() ? List.of() : List.of(a.questions().get(0)), a.answer(), a.tags())).toList();
    }

    /**
     * Logistic regression of "the top hit is right" fitted with each article's questions (and each
     * unanswerable question) held out of the fit that scores them: k folds grouped by expected article.
     * Returns the out-of-fold probabilities, in the order of {@code scored}.
     */
    public static double[] crossValidated(List<Scored> scored, int folds) {
        double[] out = new double[scored.size()];
        for (int k = 0; k < folds; k++) {
            List<Scored> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < scored.size(); i++) {
                if (fold(scored.get(i), i, folds) == k) {
                    test.add(i);
                } else {
                    train.add(scored.get(i));
                }
            }
            Confidence c = fit(train);
            test.forEach(i -> out[i] = scored.get(i).r().top() == null ? 0 : c.of(scored.get(i).r().features()));
        }
        return out;
    }

    private static int fold(Scored s, int i, int folds) {
        String group = s.c().answerable() ? s.c().expected() : "unanswerable-" + i;
        return Math.floorMod(group.hashCode(), folds);
    }

    /** Shares of all answerable questions answered right and wrong, and of unanswerable ones answered, at a threshold. */
    public record Outcome(double threshold, double right, double wrong, double unanswerableAnswered) {
        public String row() {
            return String.format(Locale.ROOT, "| %.2f | %5.1f%% | %5.1f%% | %5.1f%% |", threshold, 100 * right, 100 * wrong,
                    100 * unanswerableAnswered);
        }
    }

    public static Outcome outcome(List<Scored> scored, double[] p, double threshold) {
        int answerable = 0, right = 0, wrong = 0, unanswerable = 0, unansweredWrongly = 0;
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            boolean answered = s.r().top() != null && p[i] >= threshold;
            if (s.c().answerable()) {
                answerable++;
                if (answered) {
                    if (s.correct()) {
                        right++;
                    } else {
                        wrong++;
                    }
                }
            } else {
                unanswerable++;
                if (answered) {
                    unansweredWrongly++;
                }
            }
        }
        return new Outcome(threshold, (double) right / answerable, (double) wrong / answerable,
                unanswerable == 0 ? 0 : (double) unansweredWrongly / unanswerable);
    }

    public static List<Scored> score(KnowledgeIndex index, DevSet dev, Mode mode) {
        List<Scored> out = new ArrayList<>();
        for (DevSet.Case c : dev.cases()) {
            out.add(new Scored(c, index.search(index.spelled(c.question()), 5, mode))); // read as the service reads it
        }
        return out;
    }

    public static Metrics metrics(Mode mode, List<Scored> scored, Confidence confidence, double threshold) {
        int answerable = 0, top1 = 0, unanswerable = 0, unansweredOk = 0, above = 0, aboveRight = 0;
        double rr = 0;
        for (Scored s : scored) {
            double conf = s.r().top() == null ? 0 : confidence.of(s.r().features());
            if (s.c().answerable()) {
                answerable++;
                List<KnowledgeIndex.Hit> hits = s.r().hits();
                for (int i = 0; i < Math.min(5, hits.size()); i++) {
                    if (hits.get(i).article().id().equals(s.c().expected())) {
                        rr += 1.0 / (i + 1);
                        if (i == 0) {
                            top1++;
                        }
                        break;
                    }
                }
            } else {
                unanswerable++;
                if (conf < threshold) {
                    unansweredOk++;
                }
            }
            if (conf >= threshold) {
                above++;
                if (s.correct()) {
                    aboveRight++;
                }
            }
        }
        return new Metrics(mode, (double) top1 / answerable, rr / answerable,
                unanswerable == 0 ? 1 : (double) unansweredOk / unanswerable, above == 0 ? 1 : (double) aboveRight / above,
                (double) above / scored.size(), scored.size(), unanswerable);
    }

    /** Logistic regression of "the top hit is right" on the hit's features (L2-regularised gradient descent). */
    public static Confidence fit(List<Scored> scored) {
        int d = Confidence.FEATURES.length;
        double[] w = new double[d];
        double lr = 0.5, l2 = 0.001;
        for (int iter = 0; iter < 5000; iter++) {
            double[] grad = new double[d];
            for (Scored s : scored) {
                double[] x = s.r().features().vector();
                double z = 0;
                for (int i = 0; i < d; i++) {
                    z += w[i] * x[i];
                }
                double p = 1 / (1 + Math.exp(-z));
                double y = s.correct() ? 1 : 0;
                for (int i = 0; i < d; i++) {
                    grad[i] += (p - y) * x[i];
                }
            }
            for (int i = 0; i < d; i++) {
                w[i] -= lr * (grad[i] / scored.size() + (i == 0 ? 0 : l2 * w[i]));
            }
        }
        return new Confidence(w);
    }
}

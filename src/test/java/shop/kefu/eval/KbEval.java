package shop.kefu.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import shop.kefu.knowledge.ArticleFiles;
import shop.kefu.knowledge.Confidence;
import shop.kefu.knowledge.Embedder;
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
        KnowledgeIndex index = new KnowledgeIndex(embedder);
        index.setSynonyms(Synonyms.load(kbDir.resolve("synonyms.txt")));
        index.putAll(ArticleFiles.load(kbDir), embedder::embedAll, (done, total) -> {
        });
        return index;
    }

    public static List<Scored> score(KnowledgeIndex index, DevSet dev, Mode mode) {
        List<Scored> out = new ArrayList<>();
        for (DevSet.Case c : dev.cases()) {
            out.add(new Scored(c, index.search(c.question(), 5, mode)));
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
        for (int iter = 0; iter < 20000; iter++) {
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

package shop.kefu.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import shop.kefu.eval.DevSet;
import shop.kefu.knowledge.ArticleData;
import shop.kefu.knowledge.ArticleFiles;
import shop.kefu.knowledge.Embedder;
import shop.kefu.knowledge.KnowledgeIndex;
import shop.kefu.knowledge.Synonyms;

/**
 * Knowledge-base benchmark: index build time for N articles (default 10,000, made by varying the
 * shipped ones so that every phrasing is a new text to embed), then single-question retrieval latency,
 * embedding included, and heap in use. Bounded: one build, a fixed number of questions.
 *
 * <pre>./mvnw -q -Pbench test-compile exec:java -Dexec.mainClass=shop.kefu.bench.KbBenchmark [-Dbench.articles=10000]</pre>
 */
public final class KbBenchmark {

    private static final String[] PRODUCTS = { "有机", "进口", "本地", "精品", "家庭装", "礼盒装", "特级", "农家", "冷链", "当季",
            "山东", "云南", "海南", "新疆", "东北", "江浙", "广东", "四川", "福建", "内蒙" };

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.articles", 10_000);
        int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
        int questions = Integer.getInteger("bench.questions", 2_000);
        List<ArticleData> base = ArticleFiles.load(Path.of("knowledge-base"));
        List<ArticleData> articles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ArticleData b = base.get(i % base.size());
            String v = PRODUCTS[(i / base.size()) % PRODUCTS.length] + (i / (base.size() * PRODUCTS.length));
            articles.add(new ArticleData(b.id() + "-" + i, b.category(), b.title() + "（" + v + "）",
                    b.questions().stream().limit(3).map(q -> v + q).toList(), b.answer(), b.tags()));
        }
        System.out.printf(Locale.ROOT, "Machine: %d cores, Java %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);

        Embedder embedder = new Embedder();
        embedder.apply("预热"); // load the model before timing
        // the service's bulk path (KnowledgeBase.rebuild), minus the database cache of vectors
        long t0 = System.nanoTime();
        KnowledgeIndex index = new KnowledgeIndex(embedder);
        index.setSynonyms(Synonyms.load(Path.of("knowledge-base/synonyms.txt")));
        int step = Math.max(500, n / 10);
        Map<String, float[]> vectors = new ConcurrentHashMap<>();
        index.putAll(articles, texts -> {
            List<float[]> computed = embedder.embedAll(texts);
            for (int i = 0; i < texts.size(); i++) {
                vectors.put(texts.get(i), computed.get(i));
            }
            return computed;
        }, (done, total) -> {
            if (done % step == 0 || done == total) {
                System.out.printf(Locale.ROOT, "  indexed %d/%d articles, %.1f s%n", done, total, secs(System.nanoTime() - t0));
            }
        });
        long cold = System.nanoTime() - t0;
        index.close();

        long t1 = System.nanoTime();
        index = new KnowledgeIndex(embedder);
        index.setSynonyms(Synonyms.load(Path.of("knowledge-base/synonyms.txt")));
        index.putAll(articles, texts -> texts.stream().map(vectors::get).toList(), (done, total) -> {
        });
        long cached = System.nanoTime() - t1;
        System.out.printf(Locale.ROOT, "Index of %d articles (%d distinct phrasings): %.1f s cold (embedding and indexing), "
                + "%.1f s from cached vectors (what a restart does)%n", n, vectors.size(), secs(cold), secs(cached));

        List<String> qs = DevSet.load(Path.of("eval/dev.tsv")).cases().stream().map(DevSet.Case::question).toList();
        for (int i = 0; i < 3000; i++) {
            index.search(qs.get(i % qs.size()), 5); // warm-up (JIT)
        }
        for (KnowledgeIndex.Mode mode : List.of(KnowledgeIndex.Mode.BM25, KnowledgeIndex.Mode.EMBEDDINGS, KnowledgeIndex.Mode.HYBRID)) {
            long[] lat = new long[questions];
            for (int i = 0; i < questions; i++) {
                long s = System.nanoTime();
                index.search(qs.get(i % qs.size()), 5, mode);
                lat[i] = System.nanoTime() - s;
            }
            Arrays.sort(lat);
            System.out.printf(Locale.ROOT, "Retrieval of one question, %-10s (%s), %d questions, one thread: "
                    + "p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", mode, mode == KnowledgeIndex.Mode.BM25 ? "no embedding"
                            : "embedding included", questions, lat[questions / 2] / 1e6, lat[questions * 99 / 100] / 1e6,
                    lat[questions - 1] / 1e6);
        }
        exactAgreement(index, embedder, articles, vectors, qs);
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long e0 = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            embedder.apply(qs.get(i % qs.size()));
        }
        System.out.printf(Locale.ROOT, "Embedding alone: %.2f ms per question%n", (System.nanoTime() - e0) / 1e6 / 500);
        System.out.printf(Locale.ROOT, "Heap in use after GC with the index loaded: %d MiB%n", heap >> 20);
        index.close();
        System.exit(0);
    }

    /** How often the approximate (HNSW) nearest article is the exact one, found by comparing every vector. */
    private static void exactAgreement(KnowledgeIndex index, Embedder embedder, List<ArticleData> articles,
            Map<String, float[]> vectors, List<String> questions) {
        Map<String, String> articleOf = new HashMap<>();
        articles.forEach(a -> a.embedded().forEach(p -> articleOf.put(p, a.id())));
        int agree = 0;
        for (String q : questions) {
            float[] v = embedder.apply(q);
            String exact = null;
            double best = -2;
            for (var e : vectors.entrySet()) {
                double dot = 0;
                float[] x = e.getValue();
                for (int i = 0; i < x.length; i++) {
                    dot += x[i] * v[i];
                }
                if (dot > best) {
                    best = dot;
                    exact = articleOf.get(e.getKey());
                }
            }
            KnowledgeIndex.Hit top = index.search(q, 5, KnowledgeIndex.Mode.EMBEDDINGS).top();
            if (top != null && top.article().id().equals(exact)) {
                agree++;
            }
        }
        System.out.printf(Locale.ROOT, "Nearest article by HNSW = nearest by exact search for %d of %d questions%n", agree,
                questions.size());
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }
}

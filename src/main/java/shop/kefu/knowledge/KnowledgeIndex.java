package shop.kefu.knowledge;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * One Lucene index holding, per article, a text document (words and bigrams of title, questions, tags
 * and answer, for BM25) and one vector document per phrasing (title and each alternative question, for
 * kNN). Hybrid ranking adds the two scores; updates are visible to the next search
 * (near-real-time reopen). Plain Java, so the eval and benchmark commands use exactly this code.
 */
public final class KnowledgeIndex implements Closeable {

    public enum Mode {
        BM25, EMBEDDINGS, HYBRID
    }

    public record Hit(ArticleData article, double score, int bm25Rank, int knnRank, double cosine) {
    }

    public record Result(List<Hit> hits, double confidence, Confidence.Features features) {
        public Hit top() {
            return hits.isEmpty() ? null : hits.get(0);
        }
    }

    static final List<String> TEXT_FIELDS = List.of("title", "questions", "tags", "answer");
    /** BM25 weight of each field: a match in what shoppers ask counts more than one in the answer. */
    private static final Map<String, Float> BOOSTS = Map.of(
            "title_w", 2.0f, "questions_w", 2.0f, "tags_w", 1.5f, "answer_w", 0.4f,
            "title_b", 1.0f, "questions_b", 1.0f, "tags_b", 0.8f, "answer_b", 0.2f);
    /** Weight of the relative BM25 score next to the cosine (chosen on the dev set: 0.03-0.1 all work). */
    static final double BM25_SHARE = 0.05;
    private static final int CANDIDATES = 50;
    /** Phrasings fetched by kNN: several per article, so about 20-40 distinct articles. */
    private static final int KNN_CANDIDATES = 100;
    private static final String ARTICLE_DV = "article_dv";

    private final Function<String, float[]> embedder;
    private final Analyzer words = ChineseAnalysis.words();
    private final Analyzer bigrams = ChineseAnalysis.bigrams();
    private final Directory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, Entry> articles = new ConcurrentHashMap<>();
    private volatile Synonyms synonyms = Synonyms.none();
    private final Confidence confidence = Confidence.DEFAULT;

    private record Entry(ArticleData data, Set<String> words) {
    }

    public KnowledgeIndex(Function<String, float[]> embedder) {
        this.embedder = embedder;
        try {
            IndexWriterConfig config = new IndexWriterConfig(ChineseAnalysis.perField(TEXT_FIELDS));
            config.setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void setSynonyms(Synonyms synonyms) {
        this.synonyms = synonyms;
    }

    /** Adds or replaces an article. {@code vectors} are the embeddings of {@link ArticleData#phrasings()}. */
    public void put(ArticleData a, List<float[]> vectors) {
        List<Document> docs = new ArrayList<>();
        Document text = new Document();
        text.add(new StringField("article", a.id(), Field.Store.NO));
        text.add(new SortedDocValuesField(ARTICLE_DV, new BytesRef(a.id())));
        text.add(new StringField("kind", "text", Field.Store.NO));
        addText(text, "title", a.title());
        addText(text, "questions", String.join("\n", a.questions()));
        addText(text, "tags", String.join(" ", a.tags()));
        addText(text, "answer", a.answer());
        docs.add(text);
        for (float[] v : vectors) {
            Document d = new Document();
            d.add(new StringField("article", a.id(), Field.Store.NO));
            d.add(new SortedDocValuesField(ARTICLE_DV, new BytesRef(a.id())));
            d.add(new KnnFloatVectorField("vec", v, VectorSimilarityFunction.DOT_PRODUCT));
            docs.add(d);
        }
        try {
            writer.updateDocuments(new Term("article", a.id()), docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> vocabulary = new HashSet<>(ChineseAnalysis.tokens(words,
                a.title() + "\n" + String.join("\n", a.questions()) + "\n" + String.join(" ", a.tags()) + "\n" + a.answer()));
        articles.put(a.id(), new Entry(a, vocabulary));
    }

    private static void addText(Document doc, String field, String value) {
        doc.add(new TextField(field + ChineseAnalysis.WORDS, value, Field.Store.NO));
        doc.add(new TextField(field + ChineseAnalysis.BIGRAMS, value, Field.Store.NO));
    }

    public void remove(String id) {
        try {
            writer.deleteDocuments(new Term("article", id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        articles.remove(id);
    }

    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        articles.clear();
    }

    /** After a bulk load: one segment searches fastest (one HNSW graph instead of one per segment). */
    public void optimize() {
        try {
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refresh();
    }

    /** Makes every change so far visible to searches. */
    public void refresh() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result search(String question, int limit) {
        return search(question, limit, Mode.HYBRID);
    }

    public Result search(String question, int limit, Mode mode) {
        return search(question, mode == Mode.BM25 ? null : embedder.apply(question), limit, mode);
    }

    /** Search with the question's embedding already computed (the chat turn embeds once for all uses). */
    public Result search(String question, float[] vector, int limit, Mode mode) {
        String expanded = question + " " + String.join(" ", synonyms.expansions(question));
        List<String> queryWords = ChineseAnalysis.tokens(words, expanded);
        Map<String, Double> bm25Scores = new HashMap<>();
        Map<String, Integer> bm25 = mode == Mode.EMBEDDINGS ? Map.of() : bm25(queryWords, expanded, bm25Scores);
        Map<String, Double> knn = mode == Mode.BM25 ? Map.of() : knn(vector);
        Map<String, Integer> knnRanks = new LinkedHashMap<>();
        knn.keySet().forEach(id -> knnRanks.put(id, knnRanks.size() + 1));

        Map<String, Double> fused = new LinkedHashMap<>();
        // Linear fusion: the cosine, plus the BM25 score relative to this question's best BM25 score.
        // Unlike reciprocal rank fusion it keeps how much closer one article is than the next, which
        // on the dev set is the strongest signal (see docs/knowledge.md).
        double maxBm25 = bm25Scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        knn.forEach((id, cos) -> fused.put(id, cos));
        bm25Scores.forEach((id, score) -> fused.merge(id, BM25_SHARE * score / maxBm25, Double::sum));
        List<Hit> hits = fused.entrySet().stream()
                .filter(e -> articles.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Double> comparingByValue().reversed())
                .limit(Math.max(limit, 2))
                .map(e -> new Hit(articles.get(e.getKey()).data(), e.getValue(), bm25.getOrDefault(e.getKey(), 0),
                        knnRanks.getOrDefault(e.getKey(), 0), knn.getOrDefault(e.getKey(), 0.0)))
                .toList();
        if (hits.isEmpty()) {
            return new Result(List.of(), 0, new Confidence.Features(0, 0, 0, 0, 0));
        }
        Hit top = hits.get(0);
        double nextCosine = knn.entrySet().stream().filter(e -> !e.getKey().equals(top.article().id()))
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
        Set<String> vocabulary = articles.get(top.article().id()).words();
        long covered = queryWords.stream().filter(vocabulary::contains).count();
        Confidence.Features f = new Confidence.Features(
                top.cosine(),
                mode == Mode.BM25 ? 0 : Math.max(0, top.cosine() - nextCosine),
                top.bm25Rank() == 1 ? 1 : 0,
                mode == Mode.EMBEDDINGS || queryWords.isEmpty() ? 0 : (double) covered / queryWords.size(),
                top.knnRank() == 1 ? 1 : 0);
        return new Result(hits.subList(0, Math.min(limit, hits.size())), confidence.of(f), f);
    }

    /** Article id to BM25 rank (1 = best); raw scores go to {@code scores}. */
    private Map<String, Integer> bm25(List<String> queryWords, String text, Map<String, Double> scores) {
        BooleanQuery.Builder should = new BooleanQuery.Builder();
        Set<String> wordTokens = new HashSet<>(queryWords);
        Set<String> bigramTokens = new HashSet<>(ChineseAnalysis.tokens(bigrams, text));
        int clauses = 0;
        for (var field : BOOSTS.entrySet()) {
            for (String token : field.getKey().endsWith(ChineseAnalysis.WORDS) ? wordTokens : bigramTokens) {
                if (clauses++ < 900) {
                    should.add(new BoostQuery(new TermQuery(new Term(field.getKey(), token)), field.getValue()),
                            BooleanClause.Occur.SHOULD);
                }
            }
        }
        BooleanQuery query = new BooleanQuery.Builder()
                .add(should.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("kind", "text")), BooleanClause.Occur.FILTER)
                .build();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        withSearcher(s -> {
            TopDocs top = s.search(query, CANDIDATES);
            for (ScoreDoc d : top.scoreDocs) {
                String id = articleOf(s, d.doc);
                ranks.putIfAbsent(id, ranks.size() + 1);
                scores.putIfAbsent(id, (double) d.score);
            }
        });
        return ranks;
    }

    /** Article id to its best phrasing's cosine similarity, best first. */
    private Map<String, Double> knn(float[] v) {
        Map<String, Double> best = new LinkedHashMap<>();
        withSearcher(s -> {
            TopDocs top = s.search(new KnnFloatVectorQuery("vec", v, KNN_CANDIDATES), KNN_CANDIDATES);
            for (ScoreDoc d : top.scoreDocs) {
                // DOT_PRODUCT scores are (1 + cos) / 2 for unit vectors
                best.putIfAbsent(articleOf(s, d.doc), 2.0 * d.score - 1.0);
            }
        });
        Map<String, Double> ordered = new LinkedHashMap<>();
        best.entrySet().stream().sorted(Map.Entry.<String, Double> comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** The article a document belongs to, from doc values (much cheaper than stored fields). */
    private static String articleOf(IndexSearcher s, int doc) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues ids = leaf.reader().getSortedDocValues(ARTICLE_DV);
        if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("Document without article id");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }

    private interface SearchWork {
        void run(IndexSearcher searcher) throws IOException;
    }

    private void withSearcher(SearchWork work) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                work.run(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

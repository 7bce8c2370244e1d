package shop.kefu.knowledge;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import shop.kefu.common.DataFiles;
import shop.kefu.common.Page;
import shop.kefu.common.PageRequest;
import shop.kefu.common.Refusal;

/**
 * The knowledge base: articles in the database (seeded from the knowledge-base/ folder when empty),
 * mirrored into the Lucene index on start and on every change, so a change is searchable by the next
 * chat message without a restart.
 */
@ApplicationScoped
public class KnowledgeBase {

    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class);
    /** Where the build packages the knowledge-base folder (pom.xml resources). */
    private static final String PACKAGED = "knowledge-base";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Inject
    KnowledgeConfig config;
    @Inject
    ObjectMapper json;

    private Embedder embedder;
    private QuestionVectors questions;
    private KnowledgeIndex index;

    void start(@Observes StartupEvent event) {
        embedder = new Embedder();
        questions = new QuestionVectors(embedder, config.questionCache());
        index = new KnowledgeIndex(questions);
        index.setSynonyms(synonyms());
        if (QuarkusTransaction.requiringNew().call(() -> Article.count()) == 0) {
            importAtStart();
        } else {
            rebuild();
        }
    }

    @PreDestroy
    void stop() {
        if (index != null) {
            index.close();
        }
    }

    Path folder() {
        return Path.of(config.dir());
    }

    /** synonyms.txt, and the product words of the understanding's lexicon (understanding/products.txt). */
    private Synonyms synonyms() {
        Path products = folder().resolve("understanding").resolve("products.txt");
        return Synonyms.load(folder().resolve("synonyms.txt"))
                .plus(Synonyms.products(DataFiles.read(products, "knowledge-base/understanding/products.txt")));
    }

    /** The first start: the folder's articles, or the packaged ones when the folder is missing. */
    private synchronized void importAtStart() {
        boolean present = Files.isDirectory(folder());
        store(present ? ArticleFiles.load(folder()) : packaged(), "startup", present ? folder().toAbsolutePath().toString() : "the packaged copy");
    }

    /**
     * Re-imports the folder (POST /api/kb/import): its articles replace stored ones with the same id;
     * others stay. A missing folder is refused rather than read as the packaged articles, which would
     * overwrite what editors changed since.
     */
    public synchronized int importFolder(String by) {
        if (!Files.isDirectory(folder())) {
            throw Refusal.conflict("no_folder", "The knowledge-base folder " + folder().toAbsolutePath()
                    + " does not exist (kefu.kb.dir); nothing was imported.");
        }
        List<ArticleData> files = ArticleFiles.load(folder());
        store(files, by, folder().toAbsolutePath().toString());
        return files.size();
    }

    private void store(List<ArticleData> files, String by, String from) {
        index.setSynonyms(synonyms());
        QuarkusTransaction.requiringNew().run(() -> files.forEach(a -> store(a, by)));
        LOG.infof("Imported %d articles from %s", files.size(), from);
        rebuild();
    }

    /**
     * The articles packaged in the jar, for a service started away from its knowledge-base folder (a
     * typo in kefu.kb.dir, or the jar copied elsewhere): it answers from the shipped articles instead of
     * starting silently empty, and says loudly which folder it could not find. An existing but empty
     * folder still means an empty knowledge base.
     */
    private List<ArticleData> packaged() {
        URL marker = KnowledgeBase.class.getClassLoader().getResource(PACKAGED + "/policies.properties");
        if (marker == null) {
            LOG.warnf("Knowledge-base folder %s does not exist and no copy is packaged: the knowledge base is EMPTY", folder().toAbsolutePath());
            return List.of();
        }
        try {
            URI uri = marker.toURI();
            List<ArticleData> articles;
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(URI.create(uri.toString().substring(0, uri.toString().indexOf("!/"))), Map.of())) {
                    articles = ArticleFiles.load(jar.getPath("/" + PACKAGED));
                }
            } else {
                articles = ArticleFiles.load(Path.of(uri).getParent());
            }
            LOG.warnf("Knowledge-base folder %s does not exist: importing the %d articles packaged in the service instead;"
                    + " set kefu.kb.dir to the folder that editors keep", folder().toAbsolutePath(), articles.size());
            return articles;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read the packaged knowledge base at " + marker, e);
        }
    }

    /** Rebuilds the whole index from the database, embedding only texts not cached yet, logging progress. */
    public synchronized void rebuild() {
        long start = System.nanoTime();
        List<ArticleData> all = QuarkusTransaction.requiringNew()
                .call(() -> Article.<Article> listAll().stream().map(this::toData).toList());
        index.clear();
        int step = Math.max(500, all.size() / 10);
        index.putAll(all, this::vectorsFor, (done, total) -> {
            if (done % step == 0 || done == total) {
                LOG.infof("Indexing knowledge base: %d/%d articles", done, total);
            }
        });
        LOG.infof("Knowledge index ready: %d articles in %d ms", all.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Embeddings of the texts, from the cache or the model (then cached). */
    private List<float[]> vectorsFor(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Map<String, String> byHash = new HashMap<>();
        texts.forEach(t -> byHash.put(hash(t), t));
        Map<String, float[]> known = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> StoredEmbedding.<StoredEmbedding> list("textHash in ?1", byHash.keySet())
                .forEach(e -> known.put(e.textHash, decode(e.vector))));
        List<String> missing = byHash.keySet().stream().filter(h -> !known.containsKey(h)).toList();
        if (!missing.isEmpty()) {
            List<float[]> computed = embedder.embedAll(missing.stream().map(byHash::get).toList());
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < missing.size(); i++) {
                    known.put(missing.get(i), computed.get(i));
                    if (StoredEmbedding.findById(missing.get(i)) == null) {
                        StoredEmbedding e = new StoredEmbedding();
                        e.textHash = missing.get(i);
                        e.vector = encode(computed.get(i));
                        e.persist();
                    }
                }
            });
        }
        return texts.stream().map(t -> known.get(hash(t))).toList();
    }

    public KnowledgeIndex.Result search(String question, int limit) {
        return index.search(question, limit);
    }

    /** Starts embedding a question on another core, for a {@link #search} of the same text soon after. */
    public void prefetch(String question) {
        questions.prefetch(question);
    }

    /** Embeddings of many texts through the database cache (computed once, then kept across restarts). */
    public List<float[]> cachedVectors(List<String> texts) {
        return vectorsFor(texts);
    }

    /** A shopper message's embedding: kept, computed ahead by {@link #prefetch}, or computed now. */
    public float[] vector(String question) {
        return questions.apply(question);
    }

    /** A page of articles (of one category, unless null) in id order; the cursor is the last id seen. */
    public Page<ArticleData> list(String category, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (category != null) {
            where.append(" and category = :category");
            params.and("category", category);
        }
        if (page.after() != null) {
            where.append(" and id > :after");
            params.and("after", page.after());
        }
        return QuarkusTransaction.requiringNew().call(() -> page.cut(Article.<Article> find(where + " order by id", params)
                .range(0, page.fetch() - 1).stream().map(this::toData).toList(), ArticleData::id));
    }

    public Optional<ArticleData> get(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article> findByIdOptional(id).map(this::toData));
    }

    public synchronized ArticleData create(ArticleData a, String by) {
        validate(a);
        QuarkusTransaction.requiringNew().run(() -> {
            if (Article.findById(a.id()) != null) {
                throw Refusal.conflict("exists", "An article with id '" + a.id() + "' already exists.");
            }
            store(a, by);
        });
        reindex(a);
        return a;
    }

    public synchronized ArticleData update(ArticleData a, String by) {
        validate(a);
        QuarkusTransaction.requiringNew().run(() -> {
            if (Article.findById(a.id()) == null) {
                throw Refusal.notFound("No article '" + a.id() + "'.");
            }
            store(a, by);
        });
        reindex(a);
        return a;
    }

    public synchronized void delete(String id) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> Article.deleteById(id));
        if (!deleted) {
            throw Refusal.notFound("No article '" + id + "'.");
        }
        index.remove(id);
        index.refresh();
    }

    /** Another node changed this article: the index takes it as the database holds it now. */
    synchronized void refresh(String id) {
        Optional<ArticleData> stored = get(id);
        if (stored.isPresent()) {
            reindex(stored.get());
        } else {
            index.remove(id);
            index.refresh();
        }
    }

    /** Another node re-imported the folder: synonyms from the folder (the same on every node), articles from the database. */
    synchronized void reload() {
        index.setSynonyms(synonyms());
        rebuild();
    }

    private void reindex(ArticleData a) {
        index.put(a, vectorsFor(a.embedded()));
        index.refresh();
    }

    private static void validate(ArticleData a) {
        if (!a.problems().isEmpty()) {
            throw Refusal.invalid("invalid_article", String.join("; ", a.problems()));
        }
    }

    private void store(ArticleData a, String by) {
        Article row = Article.findById(a.id());
        if (row == null) {
            row = new Article();
            row.id = a.id();
        }
        row.category = a.category();
        row.title = a.title();
        row.questions = write(a.questions());
        row.tags = write(a.tags());
        row.answer = a.answer();
        row.updatedAt = OffsetDateTime.now();
        row.updatedBy = by;
        row.persist();
    }

    private ArticleData toData(Article r) {
        try {
            return new ArticleData(r.id, r.category, r.title, json.readValue(r.questions, STRINGS), r.answer,
                    json.readValue(r.tags, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Article " + r.id + " has unreadable questions or tags", e);
        }
    }

    private String write(List<String> list) {
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            buf.putFloat(f);
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }

    static float[] decode(String s) {
        ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(s)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[buf.remaining() / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = buf.getFloat();
        }
        return v;
    }
}

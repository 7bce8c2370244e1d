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
import java.util.Locale;
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
        questions = new QuestionVectors(embedder::question, config.questionCache());
        index = new KnowledgeIndex(questions, embedder);
        readWordLists();
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

    /** The folder's word lists the index reads: at start, on an import and on a reload, always together. */
    private void readWordLists() {
        // all read before any is applied: a file that does not read leaves the index with the old lists
        Synonyms synonyms = synonyms();
        Fillers fillers = fillers();
        Dialect dialect = Dialect.load(folder().resolve("dialect.txt"));
        index.setSynonyms(synonyms);
        index.setFillers(fillers);
        index.setDialect(dialect);
    }

    /** synonyms.txt, and the product words of the understanding's lexicon (understanding/products.txt). */
    private Synonyms synonyms() {
        Path products = folder().resolve("understanding").resolve("products.txt");
        return Synonyms.load(folder().resolve("synonyms.txt"))
                .plus(Synonyms.products(DataFiles.read(products, "knowledge-base/understanding/products.txt")));
    }

    /** Greetings and prefaces the confidence does not read as part of a question (fillers.txt). */
    private Fillers fillers() {
        return Fillers.parse(DataFiles.read(folder().resolve("fillers.txt"), "knowledge-base/fillers.txt"));
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

    /** What an import would do (or did): articles added, articles whose content changed, and how many stay as they are. */
    public record ImportReport(boolean dryRun, List<String> added, List<String> changed, int unchanged) {
    }

    /**
     * Imports articles as files (an uploaded zip of the folder): each replaces the stored article with its
     * id, as a new version (so it can be undone from the history); others stay. A dry run only reports.
     */
    public synchronized ImportReport importArticles(List<ArticleData> files, boolean dryRun, String by) {
        files.forEach(KnowledgeBase::validate);
        Map<String, ArticleData> stored = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> Article.<Article> list("id in ?1", files.stream().map(ArticleData::id).toList())
                .forEach(r -> stored.put(r.id, toData(r))));
        List<ArticleData> writes = files.stream().filter(f -> !f.equals(stored.get(f.id()))).toList(); // an unchanged file is no new version
        if (!dryRun) {
            QuarkusTransaction.requiringNew().run(() -> writes.forEach(a -> store(a, by)));
            // one bulk load, not an article at a time: its embeddings are computed on every core and the
            // index is merged and made visible once (a zip of thousands would otherwise commit thousands of times)
            index.putAll(writes, this::vectorsFor, (done, total) -> LOG.infof("Indexing imported articles: %d/%d", done, total));
        }
        return new ImportReport(dryRun, writes.stream().map(ArticleData::id).filter(id -> !stored.containsKey(id)).toList(),
                writes.stream().map(ArticleData::id).filter(stored::containsKey).toList(), files.size() - writes.size());
    }

    /** Every article, in id order (an export). */
    public List<ArticleData> all() {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article> list("order by id").stream().map(this::toData).toList());
    }

    private void store(List<ArticleData> files, String by, String from) {
        readWordLists();
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
        index.optimize();
        index.spelled(""); // the homophones are worked out now, not in the first shopper's turn (pinyin4j loads its tables)
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
        String searched = index.searched(question);
        questions.prefetch(searched);
        String plain = QuestionText.plain(question);
        if (!plain.equals(searched)) { // fillers cut off: the understanding embeds the message with them (vector)
            questions.prefetch(plain);
        }
    }

    /**
     * A shopper's words as the search should read them: product words typed as homophones put back
     * ({@link KnowledgeIndex#spelled}). {@link #search} and {@link #prefetch} take the text so read.
     */
    public String spelled(String text) {
        return index.spelled(text);
    }

    /** Embeddings of many texts through the database cache (computed once, then kept across restarts). */
    public List<float[]> cachedVectors(List<String> texts) {
        return vectorsFor(texts);
    }

    /** A shopper message's embedding, as {@link QuestionText} reads it: kept, computed ahead by {@link #prefetch}, or computed now. */
    public float[] vector(String question) {
        return questions.apply(QuestionText.plain(question)).vector();
    }

    /**
     * A page of articles in id order, of one category, carrying one tag and containing a text (in the
     * title, a question, the answer or a tag), each filter applied unless null; the cursor is the last id seen.
     */
    public Page<ArticleView> list(String category, String tag, String text, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (category != null) {
            where.append(" and category = :category");
            params.and("category", category);
        }
        if (tag != null && !tag.isBlank()) {
            // tags are a JSON array of strings: the quoted tag is one whole element
            where.append(" and tags like :tag");
            params.and("tag", "%" + likeEscaped(write(List.of(tag.strip())).replaceAll("^\\[|]$", "")) + "%");
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(title) like :text or lower(questions) like :text or lower(answer) like :text or lower(tags) like :text)");
            params.and("text", "%" + likeEscaped(text.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (page.after() != null) {
            where.append(" and id > :after");
            params.and("after", page.after());
        }
        return QuarkusTransaction.requiringNew().call(() -> page.cut(Article.<Article> find(where + " order by id", params)
                .range(0, page.fetch() - 1).stream().map(this::toView).toList(), ArticleView::id));
    }

    /** LIKE's wildcards taken literally (the default escape character of H2 and PostgreSQL is the backslash). */
    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public Optional<ArticleView> get(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article> findByIdOptional(id).map(this::toView));
    }

    /** The article's saved versions, newest first (also of a deleted article). */
    public List<ArticleHistory.Revision> history(String id) {
        List<ArticleHistory.Revision> revisions = QuarkusTransaction.requiringNew().call(() -> ArticleHistory.of(id, this::toData));
        if (revisions.isEmpty()) {
            throw Refusal.notFound("No article '" + id + "'.");
        }
        return revisions;
    }

    /**
     * Saves an earlier version's content as the newest version (restoring a deleted article too).
     * {@code expectedVersion}, as for {@link #update}: the version the editor was looking at.
     */
    public synchronized ArticleView restore(String id, int version, Integer expectedVersion, String by) {
        ArticleData content = QuarkusTransaction.requiringNew().call(() -> ArticleHistory.find(id, version).filter(r -> !r.deleted)
                .map(this::toData).orElseThrow(() -> Refusal.notFound("Article '" + id + "' has no version " + version + ".")));
        ArticleView saved = QuarkusTransaction.requiringNew().call(() -> {
            Article row = Article.findById(id);
            if (row != null) {
                checkVersion(row, expectedVersion);
            }
            return toView(store(content, by));
        });
        reindex(content);
        return saved;
    }

    public synchronized ArticleView create(ArticleData a, String by) {
        validate(a);
        ArticleView saved = QuarkusTransaction.requiringNew().call(() -> {
            if (Article.findById(a.id()) != null) {
                throw Refusal.conflict("exists", "An article with id '" + a.id() + "' already exists.");
            }
            return toView(store(a, by));
        });
        reindex(a);
        return saved;
    }

    /**
     * Saves an edit. {@code expectedVersion} is the version the editor started from: if someone saved
     * since, the edit is refused (409 {@code version_conflict}, naming who and when) instead of silently
     * overwriting their change. Null skips the check (clients from before versions).
     */
    public synchronized ArticleView update(ArticleData a, Integer expectedVersion, String by) {
        validate(a);
        ArticleView saved = QuarkusTransaction.requiringNew().call(() -> {
            Article row = Article.findById(a.id());
            if (row == null) {
                throw Refusal.notFound("No article '" + a.id() + "'.");
            }
            checkVersion(row, expectedVersion);
            return toView(store(a, by));
        });
        reindex(a);
        return saved;
    }

    private static void checkVersion(Article row, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != row.version) {
            throw Refusal.conflict("version_conflict", "Article '" + row.id + "' was saved by " + row.updatedBy + " at " + row.updatedAt
                    + " (version " + row.version + ") after you opened version " + expectedVersion
                    + "; reload it and apply your change again.");
        }
    }

    /** Deletes the article; its history keeps the deletion, so it can be restored. */
    public synchronized void delete(String id, String by) {
        QuarkusTransaction.requiringNew().run(() -> {
            Article row = Article.findById(id);
            if (row == null) {
                throw Refusal.notFound("No article '" + id + "'.");
            }
            row.version++;
            row.updatedAt = OffsetDateTime.now();
            row.updatedBy = by;
            ArticleHistory.record(row, true);
            row.delete();
        });
        index.remove(id);
        index.refresh();
    }

    /** Another node changed this article: the index takes it as the database holds it now. */
    synchronized void refresh(String id) {
        Optional<ArticleView> stored = get(id);
        if (stored.isPresent()) {
            reindex(stored.get().content());
        } else {
            index.remove(id);
            index.refresh();
        }
    }

    /**
     * The word lists or the folder changed (here, or on another node): synonyms from the folder (the same on
     * every node), articles from the database. The whole index is rebuilt, from cached embeddings: which
     * question words an article covers depends on the synonyms. A file that does not read throws, naming
     * its line, and the index keeps the old ones.
     */
    synchronized void reload() {
        readWordLists();
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

    /** Saves the content as the article's next version (the first, for a new one) and records it in the history. */
    private Article store(ArticleData a, String by) {
        Article row = Article.findById(a.id());
        if (row == null) {
            row = new Article();
            row.id = a.id();
            // a deleted article restored or created again goes on from its history's last version
            row.version = ArticleRevision.<ArticleRevision> find("articleId = ?1 order by version desc", a.id()).firstResultOptional()
                    .map(r -> r.version).orElse(0);
        }
        row.version++;
        row.category = a.category();
        row.title = a.title();
        row.questions = write(a.questions());
        row.tags = write(a.tags());
        row.answer = a.answer();
        row.updatedAt = OffsetDateTime.now();
        row.updatedBy = by;
        row.persist();
        ArticleHistory.record(row, false);
        return row;
    }

    private ArticleData toData(Article r) {
        return content(r.id, r.category, r.title, r.questions, r.answer, r.tags);
    }

    private ArticleData toData(ArticleRevision r) {
        return content(r.articleId, r.category, r.title, r.questions, r.answer, r.tags);
    }

    private ArticleView toView(Article r) {
        return ArticleView.of(toData(r), r);
    }

    private ArticleData content(String id, String category, String title, String questions, String answer, String tags) {
        try {
            return new ArticleData(id, category, title, json.readValue(questions, STRINGS), answer, json.readValue(tags, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Article " + id + " has unreadable questions or tags", e);
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

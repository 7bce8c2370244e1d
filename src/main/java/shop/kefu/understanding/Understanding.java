package shop.kefu.understanding;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import shop.kefu.aftersales.Order;
import shop.kefu.common.DataFiles;
import shop.kefu.knowledge.ArticleFiles;
import shop.kefu.knowledge.FolderImported;
import shop.kefu.knowledge.KnowledgeBase;
import shop.kefu.knowledge.KnowledgeConfig;
import shop.kefu.policy.ClaimReason;

/**
 * Understanding of shopper messages, trained at start-up from the staff-editable files in
 * {@code knowledge-base/understanding/} (examples, problem words, kind words, product words, markers).
 * The examples' embeddings come from the knowledge base's cache, so a restart trains in about a second.
 */
@ApplicationScoped
public class Understanding {

    private static final Logger LOG = Logger.getLogger(Understanding.class);
    static final String FOLDER = "understanding";
    private static final Set<String> MARKERS = Set.of("negation", "contrast", "fine", "ignore", "unused", "used", "anger");

    @Inject
    KnowledgeBase kb;
    @Inject
    KnowledgeConfig config;

    private volatile Reader reader;

    /** After the knowledge base (default priority), whose embedding model and cache this uses. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        reload();
    }

    /** Staff changed the files and re-imported the folder: train again; a broken file answers 400 naming its line. */
    void imported(@Observes FolderImported event) {
        try {
            reload();
        } catch (IllegalArgumentException e) {
            throw new ArticleFiles.InvalidArticleException(FOLDER + "/" + e.getMessage());
        }
    }

    /** Reads the files and trains; a broken file names its line (and at a re-import keeps the previous model). */
    public synchronized void reload() {
        long start = System.nanoTime();
        Map<String, List<String>> markers = Lexicon.parseLists(read("markers.txt"), "markers.txt", MARKERS);
        java.util.function.Function<String, List<String>> m = label -> markers.getOrDefault(label, List.of());
        Lexicon lexicon = new Lexicon(
                Lexicon.parseLists(read("problems.txt"), "problems.txt", Set.copyOf(Reader.REASONS.subList(1, Reader.REASONS.size()))),
                Lexicon.parseLists(read("kinds.txt"), "kinds.txt", Set.copyOf(Reader.KINDS.subList(1, Reader.KINDS.size()))),
                Map.of("yes", m.apply("unused"), "no", m.apply("used")), m.apply("anger"),
                Lexicon.parseProducts(read("products.txt"), "products.txt"),
                m.apply("negation"), m.apply("contrast"), m.apply("fine"), m.apply("ignore"));
        List<Reader.Example> examples = Reader.parseExamples(read("examples.tsv"), "examples.tsv");
        reader = Reader.train(lexicon, examples, kb::cachedVectors);
        LOG.infof("Understanding trained on %d examples in %d ms", examples.size(), (System.nanoTime() - start) / 1_000_000);
    }



    private String read(String file) {
        return DataFiles.read(Path.of(config.dir(), FOLDER, file), "knowledge-base/" + FOLDER + "/" + file);
    }

    /** @param vector the message's embedding, when the caller has it already (null: looked up) */
    public Reading read(String text, float[] vector) {
        return reader.read(text, vector != null ? vector : kb.vector(text.strip()));
    }

    /** Whether the text has a word of anger or complaint (markers.txt "anger"), not negated. */
    public boolean angry(String text) {
        return !Text.analyse(text, reader.lexicon()).positive("anger").isEmpty();
    }

    /** The reason a text names plainly in lexicon words (e.g. an article's title and tags), or null. */
    public ClaimReason lexiconReason(String text) {
        List<String> said = Text.analyse(text, reader.lexicon()).positive("reason");
        return said.isEmpty() ? null : Reader.toReason(said.get(0));
    }

    public ItemMatcher.Match items(String text, List<Order> orders, ClaimReason reason) {
        return ItemMatcher.match(text, orders, reader.lexicon(), reason);
    }
}

package shop.kefu.understanding;

import java.nio.file.Path;
import java.util.List;

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
import shop.kefu.knowledge.KnowledgeIndex;
import shop.kefu.policy.ClaimReason;

/**
 * Understanding of shopper messages, trained at start-up from the staff-editable files in
 * {@code knowledge-base/understanding/} (examples, problem words, kind words, product words, markers).
 * The examples' embeddings come from the knowledge base's cache, so a restart trains in about two seconds.
 */
@ApplicationScoped
public class Understanding {

    private static final Logger LOG = Logger.getLogger(Understanding.class);
    static final String FOLDER = "understanding";

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
        reader = Reader.load(file -> DataFiles.read(Path.of(config.dir(), FOLDER, file), "knowledge-base/" + FOLDER + "/" + file),
                kb::cachedVectors);
        LOG.infof("Understanding trained in %d ms", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * @param found the search of this message, when the caller has it (null: none); its vector is the
     *              reader's when the search read the message as the reader does (no filler cut off around it)
     */
    public Reading read(String text, KnowledgeIndex.Result found) {
        boolean same = found != null && found.vector() != null && Reader.embedded(text).equals(found.searched());
        return reader.read(text, same ? found.vector() : kb.vector(text));
    }

    /** Whether the text has a word of anger or complaint (markers.txt "anger"), not negated. */
    public boolean angry(String text) {
        return !Text.analyse(text, reader.lexicon()).positive("anger").isEmpty();
    }

    /**
     * Whether the only remedy the text names is giving the goods up ("算了 不要了"): a phrase read as a
     * reason first and as a return second, and no kind word of its own. Inside a request that is a
     * cancellation rather than a return.
     */
    public boolean onlyGivesUp(String text) {
        List<Text.Hit> kinds = Text.analyse(text, reader.lexicon()).hits().stream().filter(h -> h.word().list().equals("kind") && !h.negated()).toList();
        return !kinds.isEmpty() && kinds.stream().allMatch(Text.Hit::second);
    }

    /** Whether the text says other goods came than were ordered ("买的是菠菜 送来的是油麦菜"), by its shape. */
    public boolean otherGoodsCame(String text) {
        return Text.swapped(Text.normalise(text), reader.lexicon());
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

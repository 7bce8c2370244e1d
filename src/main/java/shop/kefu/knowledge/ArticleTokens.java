package shop.kefu.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The token states of the articles most recently the best hit, for {@link AspectMatch}, within a
 * memory budget. An article's are computed the first time it is the best hit (one model call per
 * phrasing and passage, on the searching thread) rather than when it is indexed: at 10,000 articles
 * all of them would take gigabytes, while a shop's questions keep finding the same few hundred.
 *
 * <p>Entries are matched by the article's content, not its identity: a rebuild (after a word list is
 * saved, on every node) indexes equal copies, which keep their states; an edited article is computed
 * again. Two searches that miss the same article at once both compute it; the second result is kept.
 */
final class ArticleTokens {

    /** 64 MiB: the shipped articles (90, about 200 KiB each) several times over. */
    static final long BUDGET = 64L << 20;
    /** At most this many tokens per article, so that one article with fifty questions cannot take the budget. */
    static final int PER_ARTICLE = 2048;

    private final Embedder model;
    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** An article's word tokens, all its texts together, and its title's token ids. */
    record Kept(ArticleData data, TokenStates tokens, Set<Long> title) {
        long bytes() {
            return tokens.ids().length * (Embedder.DIMENSIONS + 32L) + title.size() * 40L;
        }
    }

    ArticleTokens(Embedder model) {
        this.model = model;
    }

    Kept of(ArticleData article) {
        synchronized (kept) {
            Kept k = kept.get(article.id());
            if (k != null && k.data().equals(article)) {
                return k;
            }
        }
        Kept k = compute(article);
        synchronized (kept) {
            Kept old = kept.put(article.id(), k);
            bytes += k.bytes() - (old == null ? 0 : old.bytes());
            for (Iterator<Kept> eldest = kept.values().iterator(); bytes > BUDGET && eldest.hasNext();) {
                bytes -= eldest.next().bytes();
                eldest.remove();
            }
        }
        return k;
    }

    /** Drops the states of this version of the article (a newer one is left alone). */
    void forget(ArticleData article) {
        synchronized (kept) {
            Kept k = kept.get(article.id());
            if (k != null && k.data().equals(article)) {
                kept.remove(article.id());
                bytes -= k.bytes();
            }
        }
    }

    private Kept compute(ArticleData article) {
        List<TokenStates> texts = new ArrayList<>();
        int total = 0;
        for (String text : article.embedded()) {
            if (total >= PER_ARTICLE) {
                break;
            }
            TokenStates t = model.tokens(text);
            texts.add(t);
            total += t.ids().length;
        }
        total = Math.min(total, PER_ARTICLE);
        long[] ids = new long[total];
        int[] starts = new int[total]; // each within its own text: not read for articles
        byte[][] rows = new byte[total][];
        float[] scales = new float[total];
        int r = 0;
        for (TokenStates t : texts) {
            int n = Math.min(t.ids().length, total - r);
            System.arraycopy(t.ids(), 0, ids, r, n);
            System.arraycopy(t.starts(), 0, starts, r, n);
            System.arraycopy(t.rows(), 0, rows, r, n);
            System.arraycopy(t.scales(), 0, scales, r, n);
            r += n;
        }
        Set<Long> title = new HashSet<>();
        for (long id : texts.get(0).ids()) { // embedded() starts with the title
            title.add(id);
        }
        return new Kept(article, new TokenStates(ids, starts, rows, scales), title);
    }
}

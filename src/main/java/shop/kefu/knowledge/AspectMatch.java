package shop.kefu.knowledge;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much of what a question asks beyond an article's title the article does not speak of, read from
 * the embedding model's token states, as BERTScore compares texts: each of the question's tokens that
 * is not in the title is matched with its most similar token anywhere in the article (title,
 * questions, answer passages), and the share of them, weighted by rarity among the articles, that
 * nothing in the article resembles is the signal. A near miss ("除湿机开一晚上要几度电" to an article
 * on how a dehumidifier works) asks about something the article never mentions; a right question in
 * other words still finds its tokens' meanings in the article, in context, where whole-sentence
 * cosines and word coverage cannot tell the two apart.
 *
 * <p>Chosen on the retired sets only (docs/knowledge.md): fitted on three of the four dev knowledge
 * bases and tested on the fourth, with the threshold that set would want, it raised right answers at
 * ≤10% unanswerable answered on each of the four (+3 to +8 points). The cosine cut 0.6 and the
 * weighting were picked among six variants there.
 *
 * <p>An article's token states are computed when it is first the best hit, and kept for the most
 * recent {@link #KEPT} such articles as bytes ({@link TokenStates}: about 200 KiB for an article of
 * 400 tokens). The question's come with its vector, from the same model call.
 */
final class AspectMatch {

    /** Below this cosine, no token of the article means what the question's token means. */
    static final double UNMATCHED = 0.6;
    static final int KEPT = 256;

    private final Embedder model;
    /** In how many articles each token occurs, for its rarity; the tokenizer alone counts them. */
    private final Map<Long, Integer> documentFrequency = new ConcurrentHashMap<>();
    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEPT;
        }
    };

    /** One article's tokens, all its texts together, and its title's; {@code data} tells a stale copy. */
    private record Kept(ArticleData data, TokenStates tokens, Set<Long> title) {
    }

    AspectMatch(Embedder model) {
        this.model = model;
    }

    void add(ArticleData a) {
        ids(a).forEach(id -> documentFrequency.merge(id, 1, Integer::sum));
    }

    void remove(ArticleData a) {
        ids(a).forEach(id -> documentFrequency.computeIfPresent(id, (k, n) -> n > 1 ? n - 1 : null));
        synchronized (kept) {
            kept.remove(a.id());
        }
    }

    void clear() {
        documentFrequency.clear();
        synchronized (kept) {
            kept.clear();
        }
    }

    private Set<Long> ids(ArticleData a) {
        Set<Long> out = new HashSet<>();
        for (String text : a.embedded()) {
            for (long id : model.ids(text)) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * The share, weighted by rarity among {@code articles} articles, of the question's tokens beyond the
     * article's title that no token of the article resembles: 0 when the article speaks of all of them
     * (or the question asks nothing beyond the title), 1 when of none.
     */
    double unmatched(TokenStates question, ArticleData article, int articles) {
        Kept a = kept(article);
        double beyond = 0;
        double missing = 0;
        int n = Math.max(1, articles);
        for (int i = 0; i < question.ids().length; i++) {
            long id = question.ids()[i];
            if (a.title().contains(id)) {
                continue;
            }
            double rarity = Math.log(1 + (double) n / (documentFrequency.getOrDefault(id, 0) + 1)); // as KnowledgeIndex's words
            beyond += rarity;
            if (!matched(question, i, a.tokens())) {
                missing += rarity;
            }
        }
        return beyond == 0 ? 0 : missing / beyond;
    }

    private static boolean matched(TokenStates question, int i, TokenStates article) {
        for (int j = 0; j < article.rows().length; j++) {
            if (question.cosine(i, article, j) >= UNMATCHED) {
                return true;
            }
        }
        return false;
    }

    private Kept kept(ArticleData article) {
        synchronized (kept) {
            Kept k = kept.get(article.id());
            if (k != null && k.data() == article) {
                return k;
            }
        }
        List<TokenStates> texts = article.embedded().stream().map(model::tokens).toList();
        int total = texts.stream().mapToInt(t -> t.ids().length).sum();
        long[] ids = new long[total];
        byte[][] rows = new byte[total][];
        float[] scales = new float[total];
        int r = 0;
        for (TokenStates t : texts) {
            System.arraycopy(t.ids(), 0, ids, r, t.ids().length);
            System.arraycopy(t.rows(), 0, rows, r, t.rows().length);
            System.arraycopy(t.scales(), 0, scales, r, t.scales().length);
            r += t.ids().length;
        }
        Set<Long> title = new HashSet<>();
        for (long id : model.ids(article.title())) {
            title.add(id);
        }
        Kept k = new Kept(article, new TokenStates(ids, rows, scales), title);
        synchronized (kept) {
            kept.put(article.id(), k);
        }
        return k;
    }
}

package shop.kefu.knowledge;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In how many articles each term (a word, or a token of the embedding model) occurs, kept beside the
 * articles so that a question's rarity costs no index lookups. Rare terms carry the question: a rare
 * word the best article lacks ("外币" in "可以用外币付款吗") says it answers another question.
 */
final class DocumentFrequency<T> {

    private final Map<T, Integer> counts = new ConcurrentHashMap<>();

    /** One article's distinct terms. */
    void add(Collection<T> terms) {
        terms.forEach(t -> counts.merge(t, 1, Integer::sum));
    }

    void remove(Collection<T> terms) {
        terms.forEach(t -> counts.computeIfPresent(t, (k, n) -> n > 1 ? n - 1 : null));
    }

    void clear() {
        counts.clear();
    }

    /** Whether some article has the term. */
    boolean contains(T term) {
        return counts.containsKey(term);
    }

    /** Inverse document frequency among {@code articles} articles. */
    double rarity(T term, int articles) {
        return Math.log(1 + (double) Math.max(1, articles) / (counts.getOrDefault(term, 0) + 1));
    }
}

package shop.kefu.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Embeddings of shopper questions for search (the vector, and the token states {@link AspectMatch}
 * reads, from one model call). Two things make a turn cheaper than one model call:
 * <ul>
 * <li>a question can be embedded ahead ({@link #prefetch}), on another core, while the chat layer stores
 * and acknowledges the message; the search then takes the vector when it is ready;</li>
 * <li>the vectors of recent questions are kept, by exact text: shoppers ask the same questions in the
 * same words (quick-reply buttons send them verbatim). A text always gets the same vector (one text per
 * model call), so a kept vector is exactly what the model would return.</li>
 * </ul>
 */
final class QuestionVectors implements Function<String, Embedder.Question> {

    private final Function<String, Embedder.Question> model;
    private final int capacity;
    private final Map<String, Embedder.Question> recent;
    private final Map<String, CompletableFuture<Embedder.Question>> inFlight = new ConcurrentHashMap<>();
    /** One thread per core; a prefetch that finds them all busy is skipped (the search embeds itself). */
    private final ThreadPoolExecutor ahead;

    QuestionVectors(Function<String, Embedder.Question> model, int capacity) {
        this.model = model;
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Embedder.Question> eldest) {
                return size() > QuestionVectors.this.capacity;
            }
        };
        int cores = Runtime.getRuntime().availableProcessors();
        ahead = new ThreadPoolExecutor(cores, cores, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Thread.ofPlatform().daemon().name("kb-embed-ahead-", 0).factory());
        ahead.allowCoreThreadTimeOut(true);
    }

    /** Starts embedding a question that a search is likely to ask for soon, unless it is known or under way. */
    void prefetch(String question) {
        if (known(question) != null || inFlight.containsKey(question)) {
            return;
        }
        CompletableFuture<Embedder.Question> vector = new CompletableFuture<>();
        if (inFlight.putIfAbsent(question, vector) != null) {
            return;
        }
        try {
            ahead.execute(() -> {
                // kept (if kept at all) before it stops being in flight, so no search misses it in between
                try {
                    Embedder.Question v = compute(question);
                    inFlight.remove(question, vector);
                    vector.complete(v);
                } catch (RuntimeException e) {
                    inFlight.remove(question, vector);
                    vector.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException busy) {
            inFlight.remove(question, vector);
        }
    }

    /** The question's vector: kept, being computed ahead (then waited for), or computed now. */
    @Override
    public Embedder.Question apply(String question) {
        Embedder.Question v = known(question);
        if (v != null) {
            return v;
        }
        CompletableFuture<Embedder.Question> pending = inFlight.get(question);
        if (pending != null) {
            try {
                return pending.join();
            } catch (RuntimeException failedAhead) {
                // computed again below, so the caller sees the model's own error if it fails again
            }
        }
        return compute(question);
    }

    private Embedder.Question compute(String question) {
        Embedder.Question v = model.apply(question);
        if (capacity > 0) {
            synchronized (recent) {
                recent.put(question, v);
            }
        }
        return v;
    }

    private Embedder.Question known(String question) {
        if (capacity == 0) {
            return null;
        }
        synchronized (recent) {
            return recent.get(question);
        }
    }
}

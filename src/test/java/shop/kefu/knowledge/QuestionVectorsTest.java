package shop.kefu.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class QuestionVectorsTest {

    /** A stand-in model that counts its calls per text and can be held until released. */
    static final class CountingModel implements Function<String, Embedder.Question> {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final CountDownLatch release;

        CountingModel(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public Embedder.Question apply(String text) {
            calls.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Embedder.Question(new float[] { text.length(), text.hashCode() }, new TokenStates(new long[0], new int[0], new byte[0][], new float[0]));
        }

        int calls(String text) {
            return calls.getOrDefault(text, new AtomicInteger()).get();
        }
    }

    @Test
    void aRepeatedQuestionIsEmbeddedOnceAndTheLeastRecentlyAskedIsForgotten() {
        CountingModel model = new CountingModel(new CountDownLatch(0));
        QuestionVectors vectors = new QuestionVectors(model, 2);

        Embedder.Question first = vectors.apply("草莓怎么保存");
        assertSame(first, vectors.apply("草莓怎么保存"));
        assertEquals(1, model.calls("草莓怎么保存"));

        vectors.apply("螃蟹到了不动了");
        vectors.apply("草莓怎么保存"); // now the most recent of the two kept
        vectors.apply("冰箱不制冷怎么办"); // the third: the crab question goes
        vectors.apply("草莓怎么保存");
        vectors.apply("螃蟹到了不动了");
        assertEquals(1, model.calls("草莓怎么保存"));
        assertEquals(2, model.calls("螃蟹到了不动了"));
    }

    @Test
    void aSearchRightAfterAPrefetchWaitsForItInsteadOfEmbeddingAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountingModel model = new CountingModel(release);
        QuestionVectors vectors = new QuestionVectors(model, 0); // nothing kept: only the prefetch is shared

        vectors.prefetch("榴莲怎么判断熟没熟");
        var search = java.util.concurrent.CompletableFuture.supplyAsync(() -> vectors.apply("榴莲怎么判断熟没熟"));
        Thread.sleep(100);
        release.countDown();
        float[] v = search.get(10, TimeUnit.SECONDS).vector();

        assertArrayEquals(new float[] { 9, "榴莲怎么判断熟没熟".hashCode() }, v);
        assertEquals(1, model.calls("榴莲怎么判断熟没熟"));
        vectors.apply("榴莲怎么判断熟没熟"); // capacity 0: asked again, embedded again
        assertEquals(2, model.calls("榴莲怎么判断熟没熟"));
    }

    @Test
    void theModelGivesOneTextTheSameVectorEveryTimeSoAKeptVectorIsExact() {
        Embedder model = new Embedder();
        float[] once = model.apply("车厘子收到后怎么保存");
        assertArrayEquals(once, model.apply("车厘子收到后怎么保存"));
        Embedder.Question kept = new QuestionVectors(model::question, 8).apply("车厘子收到后怎么保存？");
        assertArrayEquals(model.apply("车厘子收到后怎么保存？"), kept.vector());
        // the same call gives the states of its word tokens, the question mark left out
        assertArrayEquals(model.ids("车厘子收到后怎么保存"), kept.tokens().ids());
        assertEquals(10, kept.tokens().rows().length);
    }
}

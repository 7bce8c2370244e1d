package shop.kefu.knowledge;

import java.util.List;
import java.util.function.Function;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * Sentence embeddings from the quantized bge-small-zh-v1.5 model that ships inside its jar: 512
 * dimensions, in-process, no network. Vectors are unit length, so a dot product is the cosine.
 */
public final class Embedder implements Function<String, float[]> {

    public static final int DIMENSIONS = 512;

    private final EmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();

    @Override
    public float[] apply(String text) {
        return normalize(model.embed(text).content().vector());
    }

    public List<float[]> embedAll(List<String> texts) {
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> normalize(e.vector())).toList();
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

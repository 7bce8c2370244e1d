package shop.kefu.knowledge;

import org.apache.lucene.util.VectorUtil;

/**
 * A text's tokens (without CLS and SEP) and the embedding model's final state of each, scaled to a
 * byte per dimension: a quarter of the floats' memory, and a cosine error under 0.01, far below the
 * cut {@link AspectMatch} makes. Each row is scaled by its own largest component, so the model's few
 * large dimensions do not crush the rest.
 */
record TokenStates(long[] ids, int[] starts, byte[][] rows, float[] scales) {

    /**
     * @param starts where each token starts in its text (a character index)
     * @param states unit vectors, one per token
     */
    static TokenStates of(long[] ids, int[] starts, float[][] states) {
        byte[][] rows = new byte[states.length][];
        float[] scales = new float[states.length];
        for (int r = 0; r < states.length; r++) {
            float max = 1e-9f;
            for (float x : states[r]) {
                max = Math.max(max, Math.abs(x));
            }
            float scale = 127 / max;
            rows[r] = new byte[states[r].length];
            for (int i = 0; i < states[r].length; i++) {
                rows[r][i] = (byte) Math.round(states[r][i] * scale);
            }
            scales[r] = 1 / scale;
        }
        return new TokenStates(ids, starts, rows, scales);
    }

    /** Cosine of this text's token {@code i} and {@code other}'s token {@code j}. */
    double cosine(int i, TokenStates other, int j) {
        return VectorUtil.dotProduct(rows[i], other.rows[j]) * (double) scales[i] * other.scales[j];
    }
}

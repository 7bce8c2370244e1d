package shop.kefu.knowledge;

/**
 * Turns the retrieval signals of the best hit into the probability that it answers the question: a
 * logistic model whose weights are fitted on the labelled dev set (eval/dev.tsv) by the eval command and
 * kept in knowledge-base/calibration.properties.
 */
public record Confidence(double[] weights) {

    /** Fitted by the eval command on eval/dev.tsv; used when no calibration file is present. */
    public static final Confidence DEFAULT = new Confidence(new double[] { -6.0005, 6.1979, 4.0355, 0.6589, 2.6514, 0.6655 });

    public static final String[] FEATURES = { "bias", "cosine", "cosineGap", "bm25Top", "coverage", "knnTop" };

    public double of(Features f) {
        double[] x = f.vector();
        double z = 0;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * @param cosine    cosine similarity of the question to the hit's closest phrasing (0 without embeddings)
     * @param cosineGap how much closer the hit is than the next article
     * @param bm25Top   1 when the hit is also the best BM25 match
     * @param coverage  share of the question's content words found in the article
     * @param knnTop    1 when the hit is also the best embedding match
     */
    public record Features(double cosine, double cosineGap, double bm25Top, double coverage, double knnTop) {
        public double[] vector() {
            return new double[] { 1, cosine, cosineGap, bm25Top, coverage, knnTop };
        }
    }
}

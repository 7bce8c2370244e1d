package shop.kefu.knowledge;

/**
 * Turns the retrieval signals of the best hit into the probability that it answers the question: a
 * logistic model. Its signals do not grow with the number of phrasings an article has (a margin over
 * the next article, passage and phrasing cosines, word coverage, agreement of the rankings), and it is
 * fitted by the eval command with every article's own questions held out of the fit (grouped
 * cross-validation), on the shipped articles both as written and cut to a title and one question: a
 * new article that editors add with a single question is answered as confidently as an old one.
 */
public record Confidence(double[] weights) {

    /** Fitted by {@code KbTuningTest} on the dev sets only (see docs/knowledge.md). */
    public static final Confidence DEFAULT = new Confidence(new double[] { -4.0614, 2.0311, 3.0363, 0.1509, 1.7842, 0.6091, 0.6795, 0.7005, 1.3274, 0.9014, -2.8308 });

    public static final String[] FEATURES = { "bias", "score", "margin", "cosine", "passageCosine", "bm25Top", "coverage", "knnTop", "rareCoverage", "aspectCoverage", "unmatchedAspect" };

    public double of(Features f) {
        double[] x = f.vector();
        double z = 0;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * @param score         the best hit's fused score
     * @param margin        how far it leads the next article
     * @param cosine        cosine of the question to its closest phrasing
     * @param passageCosine cosine of the question to its closest answer passage
     * @param bm25Top       1 when it is also the best BM25 match
     * @param coverage      share of the question's content words found in the article
     * @param knnTop        1 when it is also the best embedding match
     * @param rareCoverage  share of the question's own words found in the article, each weighted by its rarity
     * @param aspectCoverage the same for the question's words that are not in the article's title (1 when none)
     * @param unmatchedAspect share of the question's tokens beyond the title whose meaning the article lacks
     *                      ({@link AspectMatch}); 0 when there is nothing to read (BM25 mode, nothing beyond the title)
     */
    public record Features(double score, double margin, double cosine, double passageCosine, double bm25Top, double coverage,
            double knnTop, double rareCoverage, double aspectCoverage, double unmatchedAspect) {

        public static final Features NONE = new Features(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public double[] vector() {
            return new double[] { 1, score, margin, cosine, passageCosine, bm25Top, coverage, knnTop, rareCoverage, aspectCoverage, unmatchedAspect };
        }
    }
}

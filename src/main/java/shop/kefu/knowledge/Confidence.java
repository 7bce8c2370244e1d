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
    public static final Confidence DEFAULT = new Confidence(new double[] { -4.0374, 1.8613, 3.1043, 0.0345, 1.7026, 0.5599, 0.813, 0.748, 1.4368, 0.8939, -2.6923 });

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

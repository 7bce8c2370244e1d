package shop.kefu.understanding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Multinomial logistic regression over a dense part (the sentence embedding) and sparse binary
 * features (n-grams, lexicon hits), trained by stochastic gradient descent with L2 regularisation.
 * Small and deterministic (fixed seeds): the reader's four heads train on a thousand labelled examples in
 * about two seconds on two cores (TrainingProbe), so the service trains at start-up, and again, inside
 * the request, when staff re-import the understanding's files.
 * <p>
 * One SGD run is not converged along the flat directions of the embedding part, so where it ends depends
 * on the order it happened to see the examples in, and adding or removing any one example reshuffles that
 * order: with one run per head, removing one example line moved 26 to 31 of the 428 readings of
 * eval/understanding-dev.tsv, about as many as other seeds (27, 31). {@link #averaged} averages the
 * weights of several runs with different orders (the scores are linear in the weights, so that is the
 * average of their scores), which keeps what the examples say and cancels most of the order: with sixteen
 * runs, 6 or 7 readings moved with one line removed and 7 or 9 with other seeds (docs/understanding.md,
 * "One run or many"; TrainingProbe).
 */
final class Softmax {

    record Sample(float[] dense, List<String> sparse, int label) {
    }

    private final List<String> labels;
    private final int denseSize;
    private final Map<String, Integer> index;
    /** Per class: dense weights, then one weight per known sparse feature, then the bias. */
    private final double[][] w;

    private Softmax(List<String> labels, int denseSize, Map<String, Integer> index) {
        this.labels = List.copyOf(labels);
        this.denseSize = denseSize;
        this.index = index;
        this.w = new double[labels.size()][denseSize + index.size() + 1];
    }

    /**
     * Trains {@code runs} models, each on its own order of the samples (seeds {@code seed}, {@code seed + 1}…),
     * in parallel, and returns their average.
     */
    static Softmax averaged(List<String> labels, List<Sample> samples, int epochs, double l2, long seed, int runs) {
        Map<String, Integer> index = new HashMap<>(); // one feature numbering for every run, so weights add up
        for (Sample s : samples) {
            for (String f : s.sparse()) {
                index.putIfAbsent(f, index.size());
            }
        }
        int dense = samples.isEmpty() ? 0 : samples.get(0).dense().length;
        List<Softmax> models = IntStream.range(0, runs).parallel()
                .mapToObj(i -> train(new Softmax(labels, dense, index), samples, epochs, l2, seed + i)).toList();
        Softmax m = new Softmax(labels, dense, index);
        for (Softmax x : models) { // in list order, so the sum is the same on every start
            for (int k = 0; k < m.w.length; k++) {
                for (int i = 0; i < m.w[k].length; i++) {
                    m.w[k][i] += x.w[k][i] / runs;
                }
            }
        }
        return m;
    }

    /** @param m a model with zero weights, trained in place */
    private static Softmax train(Softmax m, List<Sample> samples, int epochs, double l2, long seed) {
        int dense = m.denseSize;
        List<Sample> order = new ArrayList<>(samples);
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            double lr = 0.2 / (1 + 0.1 * epoch);
            for (Sample s : order) {
                int[] sparse = m.known(s.sparse());
                double[] p = m.probabilities(s.dense(), sparse);
                for (int k = 0; k < m.labels.size(); k++) {
                    double g = p[k] - (k == s.label() ? 1 : 0);
                    double[] wk = m.w[k];
                    for (int i = 0; i < dense; i++) {
                        wk[i] -= lr * (g * s.dense()[i] + l2 * wk[i]);
                    }
                    for (int j : sparse) {
                        wk[dense + j] -= lr * (g + l2 * wk[dense + j]);
                    }
                    wk[wk.length - 1] -= lr * g;
                }
            }
        }
        return m;
    }

    private int[] known(List<String> features) {
        return features.stream().map(index::get).filter(i -> i != null).distinct().mapToInt(Integer::intValue).toArray();
    }

    double[] predict(float[] dense, List<String> features) {
        return probabilities(dense, known(features));
    }

    private double[] probabilities(float[] dense, int[] sparse) {
        double[] z = new double[labels.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < z.length; k++) {
            double[] wk = w[k];
            double s = wk[wk.length - 1];
            for (int i = 0; i < denseSize; i++) {
                s += wk[i] * dense[i];
            }
            for (int j : sparse) {
                s += wk[denseSize + j];
            }
            z[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
        return z;
    }
}

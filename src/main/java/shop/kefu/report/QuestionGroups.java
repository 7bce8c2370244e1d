package shop.kefu.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Groups questions by meaning: leader clustering on cosine similarity. Questions are taken in order
 * (newest first); each joins the group whose centroid is most similar, if that similarity reaches the
 * threshold, else starts a group. Comparing with the centroid rather than with the first question keeps
 * a group from drifting along a chain of near neighbours. n questions and g groups cost n·g dot products
 * of 512 floats, so the input is capped by the caller. Identical texts are embedded once.
 */
final class QuestionGroups {

    static final int EXAMPLES = 3;

    private QuestionGroups() {
    }

    private static final class Group {
        final int first;
        final float[] sum;
        final LinkedHashSet<String> texts = new LinkedHashSet<>();
        int count;
        double norm;

        Group(int first, float[] v) {
            this.first = first;
            this.sum = v.clone();
        }

        double similarity(float[] v) {
            double dot = 0;
            for (int i = 0; i < v.length; i++) {
                dot += sum[i] * v[i];
            }
            return dot / norm;
        }

        void add(String text, float[] v) {
            if (count > 0) {
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
            }
            count++;
            texts.add(text);
            double n = 0;
            for (float x : sum) {
                n += x * x;
            }
            norm = Math.sqrt(n);
        }
    }

    /**
     * @param questions newest first
     * @param embed     unit-length vectors
     * @return the groups, largest first (then the one with the newer question), each with its count and
     *         its first three distinct questions
     */
    static List<ServiceReport.QuestionGroup> of(List<String> questions, Function<String, float[]> embed, double threshold) {
        Map<String, float[]> vectors = new HashMap<>();
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String q = questions.get(i);
            float[] v = vectors.computeIfAbsent(q, embed);
            Group best = null;
            double bestSimilarity = threshold;
            for (Group g : groups) {
                double s = g.similarity(v);
                if (s >= bestSimilarity) {
                    best = g;
                    bestSimilarity = s;
                }
            }
            if (best == null) {
                best = new Group(i, v);
                groups.add(best);
            }
            best.add(q, v);
        }
        return groups.stream().sorted(Comparator.comparingInt((Group g) -> -g.count).thenComparingInt(g -> g.first))
                .map(g -> new ServiceReport.QuestionGroup(g.count, g.texts.stream().limit(EXAMPLES).toList())).toList();
    }
}

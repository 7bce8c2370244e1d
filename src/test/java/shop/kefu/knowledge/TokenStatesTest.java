package shop.kefu.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TokenStatesTest {

    /** A unit vector like the model's states: small components, and a few dimensions far larger. */
    private static float[] state(Random random) {
        float[] v = new float[Embedder.DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        v[17] *= 12;
        v[300] *= 8;
        return Embedder.normalize(v);
    }

    @Test
    void bytesKeepTheCosineWithinAHundredth() {
        Random random = new Random(7);
        float[][] a = new float[200][];
        float[][] b = new float[200][];
        for (int i = 0; i < a.length; i++) {
            a[i] = state(random);
            b[i] = state(random);
            if (i % 2 == 0) { // some pairs close, as a matched token is
                for (int d = 0; d < b[i].length; d++) {
                    b[i][d] = a[i][d] + 0.05f * b[i][d];
                }
                b[i] = Embedder.normalize(b[i]);
            }
        }
        TokenStates qa = TokenStates.of(new long[a.length], new int[a.length], a);
        TokenStates qb = TokenStates.of(new long[b.length], new int[b.length], b);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double exact = 0;
            for (int d = 0; d < a[i].length; d++) {
                exact += a[i][d] * b[i][d];
            }
            worst = Math.max(worst, Math.abs(exact - qa.cosine(i, qb, i)));
        }
        assertTrue(worst < 0.01, "worst cosine error " + worst);
    }
}

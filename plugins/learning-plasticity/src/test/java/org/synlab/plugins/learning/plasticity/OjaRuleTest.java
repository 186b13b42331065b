package org.synlab.plugins.learning.plasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.synlab.api.Compute;
import org.synlab.api.LocalRule;

/** Oja's rule through its Updater on the real cpu backend, with the forward pass of a linear unit. */
class OjaRuleTest {

    private static final int BATCH = 10;

    private final Compute compute = Cpu.open();
    private final OjaRule oja = new OjaRule();
    private String lastNorm;

    @AfterEach
    void close() {
        compute.close();
    }

    @Test
    void oneUpdateIsHebbMinusTheDecayTerm() {
        // x = [1, 2], w = [0.5, 0.25]: y = 1; Δw = lr (x y - y^2 w) = 0.1 ([1, 2] - [0.5, 0.25]) = [0.05, 0.175]
        LinearLayer layer = new LinearLayer(compute, new float[] {0.5f, 0.25f}, 2, 1, 1);
        layer.step(updater(0.1), new float[] {1, 2}, 0);
        assertArrayEquals(new float[] {0.55f, 0.425f}, layer.weights(), 1e-6f);
    }

    @Test
    void convergesToTheFirstPrincipalComponentIn2D() {
        double cosine = train(new double[] {4, 1}, 7);
        System.out.printf("Oja 2-D: |cos| with the first eigenvector = %.6f, %s%n", cosine, lastNorm);
        assertTrue(cosine >= 0.99, "cosine " + cosine);
    }

    @Test
    void convergesToTheFirstPrincipalComponentIn10D() {
        double cosine = train(new double[] {5, 3, 2, 1.5, 1, 0.8, 0.6, 0.4, 0.2, 0.1}, 11);
        System.out.printf("Oja 10-D: |cos| with the first eigenvector = %.6f, %s%n", cosine, lastNorm);
        assertTrue(cosine >= 0.99, "cosine " + cosine);
    }

    /** Trains from a seeded random start, asserts unit norm, returns |cos| with the true first component. */
    private double train(double[] lambda, long seed) {
        GaussianData data = new GaussianData(lambda, seed);
        int d = data.dimensions;
        SplittableRandom start = new SplittableRandom(seed + 1);
        float[] w0 = new float[d];
        for (int i = 0; i < d; i++) {
            w0[i] = (float) start.nextDouble(-0.5, 0.5);
        }
        LinearLayer layer = new LinearLayer(compute, w0, d, 1, BATCH);
        // a larger rate to get there, a smaller one to settle the fluctuations
        run(layer, updater(0.01), data, 3000);
        run(layer, updater(0.001), data, 2000);
        float[] w = layer.weights();
        lastNorm = String.format("|w| = %.5f after %d samples", GaussianData.norm(w), BATCH * 5000);
        assertEquals(1.0, GaussianData.norm(w), 0.01, "unit norm");
        return data.cosineWithFirstComponent(w);
    }

    private static void run(LinearLayer layer, LocalRule.Updater updater, GaussianData data, int updates) {
        float[] x = data.samples(BATCH * updates);
        for (int u = 0; u < updates; u++) {
            layer.step(updater, x, u * BATCH * data.dimensions);
        }
    }

    private LocalRule.Updater updater(double lr) {
        return oja.updater(compute, oja.parameters().validate(Map.of("lr", lr)));
    }
}

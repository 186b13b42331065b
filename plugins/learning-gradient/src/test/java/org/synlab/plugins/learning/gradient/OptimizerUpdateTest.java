package org.synlab.plugins.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule;
import org.synlab.api.ParameterException;
import org.synlab.api.Tensor;

/**
 * Each optimiser's steps on a 2x2 weight and a 2-element bias, against the update formulas computed by
 * hand in double. The weight is a "weight" parameter (L2 and decay apply), the bias is not.
 */
class OptimizerUpdateTest {

    private static final float[] W0 = {0.5f, -1.0f, 2.0f, 0.25f};
    private static final float[] B0 = {0.1f, -0.2f};
    /** Gradients for three steps, different each time so that state (velocity, moments) matters. */
    private static final float[][] GW = {{0.2f, -0.4f, 1.0f, 0.0f}, {-0.1f, 0.3f, 0.5f, 2.0f}, {0.05f, 0.05f, -1.0f, -0.5f}};
    private static final float[][] GB = {{1.0f, -0.5f}, {0.25f, 0.75f}, {-2.0f, 0.0f}};
    private static final float[] LR = {0.1f, 0.05f, 0.1f};

    private final Compute compute = CpuCompute.open();

    @AfterEach
    void close() {
        compute.close();
    }

    @Test
    void sgdStepsWithL2OnWeightsOnly() {
        double l2 = 0.1;
        OptimizerHarness h = new OptimizerHarness(compute, new SgdRule(), Map.of("l2", l2), W0, B0);
        double[] w = doubles(W0);
        double[] b = doubles(B0);
        for (int s = 0; s < 3; s++) {
            float[][] got = h.step(LR[s], GW[s], GB[s]);
            for (int i = 0; i < w.length; i++) {
                w[i] -= LR[s] * (GW[s][i] + l2 * w[i]);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] -= LR[s] * GB[s][i];
            }
            assertClose(w, got[0], "weights after step " + (s + 1));
            assertClose(b, got[1], "bias after step " + (s + 1));
        }
    }

    @Test
    void sgdFirstStepExactly() {
        OptimizerHarness h = new OptimizerHarness(compute, new SgdRule(), Map.of(), W0, B0);
        float[][] got = h.step(0.5f, GW[0], GB[0]);
        assertClose(new double[] {0.4, -0.8, 1.5, 0.25}, got[0], "w - 0.5 g");
        assertClose(new double[] {-0.4, 0.05}, got[1], "b - 0.5 g");
    }

    @Test
    void momentumSteps() {
        checkMomentum(false);
    }

    @Test
    void nesterovMomentumSteps() {
        checkMomentum(true);
    }

    private void checkMomentum(boolean nesterov) {
        double mu = 0.9;
        double l2 = 0.05;
        OptimizerHarness h = new OptimizerHarness(compute, new MomentumRule(),
                Map.of("momentum", mu, "nesterov", nesterov, "l2", l2), W0, B0);
        double[] w = doubles(W0);
        double[] b = doubles(B0);
        double[] vw = new double[w.length];
        double[] vb = new double[b.length];
        for (int s = 0; s < 3; s++) {
            float[][] got = h.step(LR[s], GW[s], GB[s]);
            momentumByHand(w, vw, GW[s], LR[s], mu, l2, nesterov);
            momentumByHand(b, vb, GB[s], LR[s], mu, 0, nesterov);
            assertClose(w, got[0], (nesterov ? "nesterov " : "") + "weights after step " + (s + 1));
            assertClose(b, got[1], (nesterov ? "nesterov " : "") + "bias after step " + (s + 1));
        }
    }

    private static void momentumByHand(double[] w, double[] v, float[] g, double lr, double mu, double l2, boolean nesterov) {
        for (int i = 0; i < w.length; i++) {
            double gi = g[i] + l2 * w[i];
            v[i] = mu * v[i] + gi;
            w[i] -= lr * (nesterov ? gi + mu * v[i] : v[i]);
        }
    }

    @Test
    void adamStepsWithBiasCorrectionAndCoupledL2() {
        double l2 = 0.01;
        OptimizerHarness h = new OptimizerHarness(compute, new AdamRule(), Map.of("l2", l2), W0, B0);
        checkAdam(h, l2, 0);
    }

    @Test
    void adamwStepsWithDecoupledDecay() {
        double decay = 0.1;
        OptimizerHarness h = new OptimizerHarness(compute, new AdamWRule(), Map.of("weight_decay", decay), W0, B0);
        checkAdam(h, 0, decay);
    }

    private void checkAdam(OptimizerHarness h, double l2, double decay) {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-7;
        double[] w = doubles(W0);
        double[] b = doubles(B0);
        double[][] mw = new double[2][w.length];
        double[][] mb = new double[2][b.length];
        for (int s = 0; s < 3; s++) {
            float[][] got = h.step(LR[s], GW[s], GB[s]);
            adamByHand(w, mw, GW[s], LR[s], s + 1, b1, b2, eps, l2, decay);
            adamByHand(b, mb, GB[s], LR[s], s + 1, b1, b2, eps, 0, 0);
            assertClose(w, got[0], "weights after step " + (s + 1));
            assertClose(b, got[1], "bias after step " + (s + 1));
        }
    }

    private static void adamByHand(double[] w, double[][] moments, float[] g, double lr, int t,
                                   double b1, double b2, double eps, double l2, double decay) {
        for (int i = 0; i < w.length; i++) {
            double gi = g[i] + l2 * w[i];
            moments[0][i] = b1 * moments[0][i] + (1 - b1) * gi;
            moments[1][i] = b2 * moments[1][i] + (1 - b2) * gi * gi;
            double mHat = moments[0][i] / (1 - Math.pow(b1, t));
            double vHat = moments[1][i] / (1 - Math.pow(b2, t));
            w[i] = w[i] - lr * decay * w[i] - lr * mHat / (Math.sqrt(vHat) + eps);
        }
    }

    @Test
    void adamFirstStepMovesEachNonZeroGradientByAboutLr() {
        // with bias correction, m_hat = g and v_hat = g^2 on step 1: the step is lr * sign(g)
        OptimizerHarness h = new OptimizerHarness(compute, new AdamRule(), Map.of(), W0, B0);
        float[][] got = h.step(0.01f, GW[0], GB[0]);
        assertClose(new double[] {0.49, -0.99, 1.99, 0.25}, got[0], "w - 0.01 sign(g)");
        assertClose(new double[] {0.09, -0.19}, got[1], "b - 0.01 sign(g)");
    }

    @Test
    void adamwDecayShrinksWeightsButNotBiasesWhenTheGradientIsZero() {
        OptimizerHarness h = new OptimizerHarness(compute, new AdamWRule(), Map.of("weight_decay", 0.5), W0, B0);
        float[][] got = h.step(0.1f, new float[4], new float[2]);
        assertClose(new double[] {0.5 * 0.95, -1.0 * 0.95, 2.0 * 0.95, 0.25 * 0.95}, got[0], "w * (1 - lr * wd)");
        assertClose(doubles(B0), got[1], "biases untouched");
    }

    @Test
    void stateIsKeptPerParameterName() {
        // two parameters with the same gradients but separate velocities: after a step on only one of
        // them, the other's first step must be a fresh one
        GradientRule.Optimizer optimizer = new MomentumRule().optimizer(compute, new MomentumRule().parameters()
                .validate(Map.of("momentum", 0.5)));
        Tensor a = compute.upload(new float[] {1}, 1);
        Tensor b = compute.upload(new float[] {1}, 1);
        Tensor g = compute.upload(new float[] {1}, 1);
        optimizer.step(List.of(new GradientRule.Parameter("a", a, g, true)), 1f, 1);
        optimizer.step(List.of(new GradientRule.Parameter("a", a, g, true)), 1f, 2);
        optimizer.step(List.of(new GradientRule.Parameter("b", b, g, true)), 1f, 3);
        assertEquals(1 - 1 - 1.5, compute.download(a)[0], 1e-6, "a: v = 1, then 1.5");
        assertEquals(0, compute.download(b)[0], 1e-6, "b: v = 1");
    }

    @Test
    void adamUpdatesTheTensorsAParameterHasAtEachStep() {
        // Adam keeps each parameter's operands between steps: a parameter whose name now comes with other
        // tensors must update those, not the ones it had before
        AdamRule adam = new AdamRule();
        GradientRule.Optimizer optimizer = adam.optimizer(compute, adam.parameters().validate(Map.of()));
        Tensor first = compute.upload(new float[] {1, 1}, 2);
        Tensor second = compute.upload(new float[] {1, 1}, 2);
        Tensor g = compute.upload(new float[] {1, -1}, 2);
        optimizer.step(List.of(new GradientRule.Parameter("w", first, g, true)), 0.1f, 1);
        float[] firstAfterOneStep = compute.download(first);
        optimizer.step(List.of(new GradientRule.Parameter("w", second, g, true)), 0.1f, 2);
        assertArrayEquals(firstAfterOneStep, compute.download(first), "the old tensor is left alone");
        float[] moved = compute.download(second);
        assertTrue(moved[0] < 1 && moved[1] > 1, "the new tensor takes the step: " + Arrays.toString(moved));
    }

    @Test
    void betaOfOneIsRejected() {
        AdamRule adam = new AdamRule();
        assertEquals("beta2", assertThrows(ParameterException.class,
                () -> adam.optimizer(compute, adam.parameters().validate(Map.of("beta2", 1.0)))).key());
    }

    @Test
    void adamRejectsStepZero() {
        OptimizerHarness h = new OptimizerHarness(compute, new AdamRule(), Map.of(), W0, B0);
        assertThrows(IllegalArgumentException.class, () -> h.optimizer.step(List.of(
                new GradientRule.Parameter("w", h.weight, h.weightGradient, true)), 0.1f, 0));
    }

    private static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
        }
    }
}

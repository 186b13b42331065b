package org.synlab.plugins.learning.plasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.synlab.api.Compute;
import org.synlab.api.LocalRule;
import org.synlab.plugins.learning.plasticity.internal.BcmUpdater;

/** BCM through its Updater on the real cpu backend. */
class BcmRuleTest {

    private final Compute compute = Cpu.open();
    private final BcmRule bcm = new BcmRule();

    @AfterEach
    void close() {
        compute.close();
    }

    @Test
    void oneUpdateFollowsTheFormulaAndSlidesTheThreshold() {
        // x = [1, 2], w = [0.5, 0.5]: y = 1.5; theta = 1: Δw = lr x y (y - theta) = 0.1 [1, 2] 0.75 = [0.075, 0.15]
        LinearLayer layer = new LinearLayer(compute, new float[] {0.5f, 0.5f}, 2, 1, 1);
        BcmUpdater updater = (BcmUpdater) bcm.updater(compute,
                bcm.parameters().validate(Map.of("lr", 0.1, "tau_theta", 4.0, "theta_initial", 1.0)));
        layer.step(updater, new float[] {1, 2}, 0);
        assertArrayEquals(new float[] {0.575f, 0.65f}, layer.weights(), 1e-6f);
        // theta += (y^2 - theta) / tau = 1 + (2.25 - 1) / 4
        assertArrayEquals(new float[] {1.3125f}, updater.thresholds(), 1e-6f);
    }

    @Test
    void belowThresholdDepresses() {
        LinearLayer layer = new LinearLayer(compute, new float[] {0.5f, 0.5f}, 2, 1, 1);
        LocalRule.Updater updater = bcm.updater(compute,
                bcm.parameters().validate(Map.of("lr", 0.1, "theta_initial", 4.0)));
        layer.step(updater, new float[] {1, 2}, 0);
        // y = 1.5 < theta = 4: Δw = 0.1 [1, 2] 1.5 (1.5 - 4) = [-0.375, -0.75]
        assertArrayEquals(new float[] {0.125f, -0.25f}, layer.weights(), 1e-6f);
    }

    @Test
    void developsSelectivityToOneOfSeveralPatterns() {
        // four overlapping patterns over 8 inputs, shown together as one batch per update (their mean drives BCM)
        int patterns = 4;
        int inputs = 8;
        float[] x = new float[patterns * inputs];
        for (int p = 0; p < patterns; p++) {
            for (int i = 0; i < inputs; i++) {
                x[p * inputs + i] = 0.1f;
            }
            x[p * inputs + 2 * p] = 1f;
            x[p * inputs + 2 * p + 1] = 1f;
        }
        SplittableRandom random = new SplittableRandom(3);
        float[] w0 = new float[inputs];
        for (int i = 0; i < inputs; i++) {
            w0[i] = (float) random.nextDouble(0.1, 0.3);
        }
        LinearLayer layer = new LinearLayer(compute, w0, inputs, 1, patterns);
        LocalRule.Updater updater = bcm.updater(compute,
                bcm.parameters().validate(Map.of("lr", 0.02, "tau_theta", 5.0)));
        float[] before = layer.step(updater, x, 0);
        float[] responses = before;
        for (int u = 0; u < 20000; u++) {
            responses = layer.step(updater, x, 0);
        }
        float[] sorted = responses.clone();
        Arrays.sort(sorted);
        float best = sorted[patterns - 1];
        float second = sorted[patterns - 2];
        System.out.printf("BCM responses to the 4 patterns: before %s, after %s%n", Arrays.toString(before),
                Arrays.toString(responses));
        assertTrue(best > 1, "a strong response to one pattern: " + Arrays.toString(responses));
        assertTrue(second < 0.05 * best, "the others lose theirs: " + Arrays.toString(responses));
        double spread = sorted[patterns - 1] - sorted[0];
        assertTrue(spread > 0.9 * best, "selective: " + Arrays.toString(responses));
        assertEquals(patterns, responses.length);
    }
}

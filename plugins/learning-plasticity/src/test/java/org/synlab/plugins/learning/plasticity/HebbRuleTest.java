package org.synlab.plugins.learning.plasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.synlab.api.Compute;
import org.synlab.api.LocalRule;

class HebbRuleTest {

    private final Compute compute = Cpu.open();
    private final HebbRule hebb = new HebbRule();
    private final NormalisedHebbRule normalised = new NormalisedHebbRule();

    @AfterEach
    void close() {
        compute.close();
    }

    @Test
    void workedExampleOfTheJavadoc() {
        LinearLayer layer = new LinearLayer(compute, new float[] {0.6f, 0.4f}, 2, 1, 1);
        LocalRule.Updater updater = hebb.updater(compute, hebb.parameters().validate(Map.of("lr", 0.5)));
        float[] y = layer.step(updater, new float[] {1f, 0.5f}, 0);
        assertEquals(0.8f, y[0], 1e-6f);
        assertArrayEquals(new float[] {1.0f, 0.6f}, layer.weights(), 1e-6f);
        // the next response to the same input: 1 * 1.0 + 0.5 * 0.6
        LocalRule.Updater none = hebb.updater(compute, hebb.parameters().validate(Map.of("lr", 0.0)));
        assertEquals(1.3f, layer.step(none, new float[] {1f, 0.5f}, 0)[0], 1e-6f);
    }

    @Test
    void noOutputNoChange() {
        LinearLayer layer = new LinearLayer(compute, new float[] {0.2f, -0.4f}, 2, 1, 1);
        layer.step(hebb.updater(compute, hebb.parameters().validate(Map.of("lr", 0.5))), new float[] {1f, 0.5f}, 0);
        assertArrayEquals(new float[] {0.2f, -0.4f}, layer.weights(), 1e-7f);
    }

    @Test
    void averagesOverTheBatchAndLeavesTheBias() {
        // 2 samples, 2 inputs, 2 units; W = I so y = x
        LinearLayer layer = new LinearLayer(compute, new float[] {1, 0, 0, 1}, 2, 2, 2);
        layer.step(hebb.updater(compute, hebb.parameters().validate(Map.of("lr", 0.1))), new float[] {1, 2, 3, -1}, 0);
        // mean_b x_bi y_bj = mean_b x_bi x_bj = [[(1+9)/2, (2-3)/2], [(2-3)/2, (4+1)/2]] = [[5, -0.5], [-0.5, 2.5]]
        assertArrayEquals(new float[] {1.5f, -0.05f, -0.05f, 1.25f}, layer.weights(), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, compute.download(layer.bias));
    }

    @Test
    void plainHebbGrowsWithoutBound() {
        LinearLayer layer = new LinearLayer(compute, new float[] {0.1f, 0.1f}, 2, 1, 1);
        LocalRule.Updater updater = hebb.updater(compute, hebb.parameters().validate(Map.of("lr", 0.1)));
        float[] x = {1f, 1f};
        float previous = 0;
        for (int i = 0; i < 50; i++) {
            float y = layer.step(updater, x, 0)[0];
            assertFalse(y <= previous, "the response grows every step");
            previous = y;
        }
        assertEquals(0.2 * Math.pow(1.2, 49), previous, 1e-3 * previous, "y grows by (1 + lr |x|^2) per step");
    }

    @Test
    void normalisedHebbKeepsTheNormAndTurnsTowardsTheInput() {
        LinearLayer layer = new LinearLayer(compute, new float[] {0.6f, 0.8f}, 2, 1, 1);
        LocalRule.Updater updater = normalised.updater(compute,
                normalised.parameters().validate(Map.of("lr", 0.5, "norm", 2.0)));
        layer.step(updater, new float[] {1f, 0f}, 0);
        // y = 0.6; w + lr x y = [0.9, 0.8]; rescaled to norm 2
        double n = Math.hypot(0.9, 0.8);
        assertArrayEquals(new float[] {(float) (2 * 0.9 / n), (float) (2 * 0.8 / n)}, layer.weights(), 1e-6f);
        for (int i = 0; i < 200; i++) {
            layer.step(updater, new float[] {1f, 0f}, 0);
        }
        float[] w = layer.weights();
        assertEquals(2.0, Math.hypot(w[0], w[1]), 1e-5);
        assertEquals(2.0, w[0], 1e-3, "aligned with the only input direction");
    }
}

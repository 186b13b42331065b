package org.synlab.plugins.learning.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.LocalRule;
import org.synlab.api.Tensor;
import org.synlab.plugins.backend.cpu.CpuBackend;

class PerceptronRuleTest {

    private static final float[] TRUTH_TABLE = {0, 0, 0, 1, 1, 0, 1, 1};
    private static final float[] AND = {0, 0, 0, 1};
    private static final float[] XOR = {0, 1, 1, 0};

    private final PerceptronRule rule = new PerceptronRule();
    private final Compute compute = new CpuBackend().open(new ComputeConfig(1, 42));

    @AfterEach
    void close() {
        compute.close();
    }

    @Test
    void isASupervisedRuleWithLearningRateOne() {
        assertTrue(rule.supervised());
        assertEquals("perceptron", rule.name());
        assertEquals(1.0, rule.parameters().validate(Map.of()).number("lr"));
    }

    @Test
    void exactWeightChangeOnAKnownBatch() {
        // 3 samples, 2 inputs, 2 units
        Tensor input = compute.upload(new float[] {1, 2, 0, 1, 3, -1}, 3, 2);
        Tensor output = compute.upload(new float[] {1, 0, 0, 0, 1, 1}, 3, 2);
        Tensor target = compute.upload(new float[] {0, 0, 1, 1, 1, 0}, 3, 2);
        Tensor weights = compute.upload(new float[] {0.5f, -0.5f, 0.25f, 1}, 2, 2);
        Tensor bias = compute.upload(new float[] {0.1f, 0.2f}, 2);
        updater(0.5).update(new LocalRule.LayerActivity(input, output, target, weights, bias));

        // e = t - y = [[-1, 0], [1, 1], [0, -1]]
        // input^T e = [[1*-1 + 0*1 + 3*0, 1*0 + 0*1 + 3*-1], [2*-1 + 1*1 + -1*0, 2*0 + 1*1 + -1*-1]]
        //           = [[-1, -3], [-1, 2]]
        assertArrayEquals(new float[] {0.5f - 0.5f, -0.5f - 1.5f, 0.25f - 0.5f, 1 + 1}, compute.download(weights), 1e-6f);
        // column sums of e = [0, 0]: the bias of both units stays
        assertArrayEquals(new float[] {0.1f, 0.2f}, compute.download(bias), 1e-6f);
    }

    @Test
    void biasMovesByTheSummedError() {
        Tensor input = compute.upload(new float[] {1, 1, 1, 1}, 2, 2);
        Tensor output = compute.upload(new float[] {0, 1}, 2, 1);
        Tensor target = compute.upload(new float[] {1, 1}, 2, 1);
        Tensor weights = compute.zeros(2, 1);
        Tensor bias = compute.zeros(1);
        updater(2).update(new LocalRule.LayerActivity(input, output, target, weights, bias));
        assertArrayEquals(new float[] {2}, compute.download(bias), 1e-6f);
        assertArrayEquals(new float[] {2, 2}, compute.download(weights), 1e-6f);
    }

    @Test
    void aCorrectBatchChangesNothing() {
        Tensor input = compute.upload(new float[] {1, -2, 3, 4}, 2, 2);
        Tensor output = compute.upload(new float[] {1, 0}, 2, 1);
        Tensor weights = compute.upload(new float[] {0.3f, -0.7f}, 2, 1);
        Tensor bias = compute.upload(new float[] {0.4f}, 1);
        updater(1).update(new LocalRule.LayerActivity(input, output, output, weights, bias));
        assertArrayEquals(new float[] {0.3f, -0.7f}, compute.download(weights));
        assertArrayEquals(new float[] {0.4f}, compute.download(bias));
    }

    @Test
    void learnsAndWithinAFewEpochs() {
        Tensor input = compute.upload(TRUTH_TABLE, 4, 2);
        Tensor target = compute.upload(AND, 4, 1);
        StepLayer layer = new StepLayer(compute, 2, 1, 4);
        LocalRule.Updater updater = updater(1);
        int epochs = 0;
        while (layer.epoch(updater, input, target) < 1.0) {
            epochs++;
            assertTrue(epochs <= 20, "AND is linearly separable: the perceptron must converge");
        }
        assertArrayEquals(AND, compute.download(layer.forward(input)));
    }

    @Test
    void neverSolvesXor() {
        Tensor input = compute.upload(TRUTH_TABLE, 4, 2);
        Tensor target = compute.upload(XOR, 4, 1);
        StepLayer layer = new StepLayer(compute, 2, 1, 4);
        LocalRule.Updater updater = updater(1);
        for (int epoch = 0; epoch < 100; epoch++) {
            double accuracy = layer.epoch(updater, input, target);
            assertTrue(accuracy < 1.0, "no line separates XOR, yet epoch " + epoch + " was perfect");
        }
    }

    @Test
    void followsABatchOfAnotherSize() {
        Tensor weights = compute.zeros(1, 1);
        Tensor bias = compute.zeros(1);
        LocalRule.Updater updater = updater(1);
        updater.update(new LocalRule.LayerActivity(compute.upload(new float[] {1, 1}, 2, 1),
                compute.zeros(2, 1), compute.upload(new float[] {1, 1}, 2, 1), weights, bias));
        updater.update(new LocalRule.LayerActivity(compute.upload(new float[] {3}, 1, 1),
                compute.zeros(1, 1), compute.upload(new float[] {1}, 1, 1), weights, bias));
        assertArrayEquals(new float[] {2 + 3}, compute.download(weights));
        assertArrayEquals(new float[] {2 + 1}, compute.download(bias));
    }

    @Test
    void refusesALayerWithoutTarget() {
        Tensor t = compute.zeros(1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> updater(1).update(new LocalRule.LayerActivity(t, t, null, compute.zeros(1, 1), compute.zeros(1))));
    }

    private LocalRule.Updater updater(double lr) {
        return rule.updater(compute, rule.parameters().validate(Map.of("lr", lr)));
    }
}

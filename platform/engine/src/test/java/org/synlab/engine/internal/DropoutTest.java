package org.synlab.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.Backend;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.NeuronModel;
import org.synlab.api.RateNeuron;
import org.synlab.api.Tensor;
import org.synlab.engine.ShippedPlugins;

/** Inverted dropout: while training, drop each output with probability p and scale the rest by 1/(1-p). */
class DropoutTest {

    private static final ShippedPlugins PLUGINS = new ShippedPlugins();

    @Test
    void trainingDropsAboutPAndScalesTheRestEvaluationKeepsAll() {
        Backend cpu = PLUGINS.byName(Backend.class).get("cpu");
        RateNeuron linear = (RateNeuron) PLUGINS.byName(NeuronModel.class).get("linear");
        try (Compute compute = cpu.open(new ComputeConfig(1, 3))) {
            int rows = 200;
            int units = 100;
            DenseLayer layer = new DenseLayer(compute, 0, 1, units, "linear",
                    linear.activation(linear.parameters().validate(Map.of())), true, 0.25);
            float[] ones = new float[units];
            Arrays.fill(ones, 1f);
            compute.upload(ones, 0, layer.weight);
            float[] x = new float[rows];
            Arrays.fill(x, 2f);
            Tensor input = compute.upload(x, rows, 1);

            float[] trained = compute.download(layer.forward(input, true, 1));
            long dropped = 0;
            for (float v : trained) {
                if (v == 0f) {
                    dropped++;
                } else {
                    assertEquals(2f / 0.75f, v, 1e-6f);
                }
            }
            double fraction = dropped / (double) trained.length;
            assertTrue(Math.abs(fraction - 0.25) < 0.02, "dropped fraction " + fraction);

            float[] again = compute.download(layer.forward(input, true, 1));
            assertArrayEquals(trained, again, "the same step draws the same mask");
            float[] nextStep = compute.download(layer.forward(input, true, 2));
            assertFalse(Arrays.equals(trained, nextStep), "another step draws another mask");

            float[] evaluated = compute.download(layer.forward(input, false, 1));
            for (float v : evaluated) {
                assertEquals(2f, v);
            }
        }
    }
}

package org.synlab.engine.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synlab.api.Backend;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.Loss;
import org.synlab.api.NeuronModel;
import org.synlab.api.Params;
import org.synlab.api.RateNeuron;
import org.synlab.api.Tensor;
import org.synlab.engine.ShippedPlugins;

/**
 * Backpropagation against finite differences: for a two-layer network with each activation and
 * loss, the analytic gradient of every weight and bias matches (L(w+h) - L(w-h)) / 2h.
 */
class GradientCheckTest {

    private static final ShippedPlugins PLUGINS = new ShippedPlugins();
    private static final int BATCH = 4;
    private static final int INPUTS = 3;
    private static final int HIDDEN = 5;

    @ParameterizedTest(name = "{0} -> {1} with {2}")
    @CsvSource({
            "tanh, softmax, categorical-cross-entropy",
            "sigmoid, sigmoid, binary-cross-entropy",
            "leaky-relu, sigmoid, mse",
            "relu, linear, mse",
            "linear, softmax, mse",
            "tanh, tanh, mse",
            "sigmoid, softmax, binary-cross-entropy",
    })
    void analyticGradientsMatchFiniteDifferences(String hidden, String output, String lossName) {
        Backend backend = PLUGINS.byName(Backend.class).get("cpu");
        try (Compute compute = backend.open(new ComputeConfig(1, 11))) {
            int outputs = 3;
            DenseLayer l1 = layer(compute, 0, INPUTS, HIDDEN, hidden);
            DenseLayer l2 = layer(compute, 1, HIDDEN, outputs, output);
            l1.initialise("glorot-uniform", 101);
            l2.initialise("glorot-uniform", 102);
            compute.random(l1.bias, org.synlab.api.Distribution.UNIFORM, -0.5f, 0.5f, 103);
            compute.random(l2.bias, org.synlab.api.Distribution.UNIFORM, -0.5f, 0.5f, 104);
            Network network = new Network(List.of(l1, l2));
            Loss loss = PLUGINS.byName(Loss.class).get(lossName);
            LossTerm term = new LossTerm(compute, loss, loss.parameters().validate(Map.of()), output);
            SplittableRandom random = new SplittableRandom(5);
            Tensor x = compute.upload(values(random, BATCH * INPUTS, -1, 1), BATCH, INPUTS);
            Tensor t = compute.upload(targets(random, output), BATCH, outputs);
            Tensor scratch = compute.zeros(BATCH, outputs);

            Tensor out = network.forward(x, false, 0);
            DenseLayer.Buffers ob = l2.buffers(BATCH);
            if (term.fused()) {
                term.gradient(out, t, ob.dz);
            } else {
                term.gradient(out, t, ob.gradOut);
                l2.gradientThroughActivation(BATCH);
            }
            network.backward(x);

            for (DenseLayer layer : network.layers) {
                check(compute, network, term, x, t, scratch, layer.weight, compute.download(layer.weightGrad),
                        hidden + "/" + output + "/" + lossName + " layer" + layer.index + ".weight");
                check(compute, network, term, x, t, scratch, layer.bias, compute.download(layer.biasGrad),
                        hidden + "/" + output + "/" + lossName + " layer" + layer.index + ".bias");
            }
        }
    }

    private static DenseLayer layer(Compute compute, int index, int in, int units, String neuron) {
        RateNeuron model = (RateNeuron) PLUGINS.byName(NeuronModel.class).get(neuron);
        Params params = model.parameters().validate(Map.of());
        return new DenseLayer(compute, index, in, units, neuron, model.activation(params), true, 0);
    }

    private static float[] values(SplittableRandom random, int n, double lo, double hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble(lo, hi);
        }
        return v;
    }

    /** One-hot rows for softmax outputs, values in (0, 1) otherwise. */
    private static float[] targets(SplittableRandom random, String output) {
        float[] t = new float[BATCH * 3];
        for (int r = 0; r < BATCH; r++) {
            if (output.equals("softmax")) {
                t[r * 3 + random.nextInt(3)] = 1f;
            } else {
                for (int j = 0; j < 3; j++) {
                    t[r * 3 + j] = (float) random.nextDouble(0.05, 0.95);
                }
            }
        }
        return t;
    }

    private static void check(Compute compute, Network network, LossTerm term, Tensor x, Tensor t, Tensor scratch,
                              Tensor parameter, float[] analytic, String what) {
        float[] values = compute.download(parameter);
        double h = 1e-2;
        for (int i = 0; i < values.length; i++) {
            float saved = values[i];
            values[i] = (float) (saved + h);
            compute.upload(values, 0, parameter);
            double plus = term.value(network.forward(x, false, 0), t, scratch);
            values[i] = (float) (saved - h);
            compute.upload(values, 0, parameter);
            double minus = term.value(network.forward(x, false, 0), t, scratch);
            values[i] = saved;
            compute.upload(values, 0, parameter);
            double numeric = (plus - minus) / (2 * h);
            double error = Math.abs(numeric - analytic[i]);
            assertTrue(error <= 2e-3 + 2e-2 * Math.abs(numeric),
                    what + "[" + i + "]: analytic " + analytic[i] + ", finite difference " + numeric);
        }
    }
}

package org.synlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every experiment in experiments/ reaches the figure its comment promises. */
class ShippedExperimentsTest {

    private static RunResult finished(String file, String... overrides) throws BadInputException {
        RunResult r = Experiments.run(file, overrides);
        assertEquals(RunStatus.FINISHED, r.status(), () -> file + " failed: " + r.reason());
        return r;
    }

    @Test
    void mcCullochPittsUnitsComputeAndOrNot() throws Exception {
        RunResult r = finished("mcp-logic-gates.yaml");
        assertEquals(1.0, r.metrics().get("train.accuracy"));
        assertEquals(1.0, r.metrics().get("train.accuracy.and"));
        assertEquals(1.0, r.metrics().get("train.accuracy.or"));
        assertEquals(1.0, r.metrics().get("train.accuracy.not"));
        assertEquals(0.0, r.metrics().get("epochs"));
    }

    @Test
    void perceptronRuleConvergesOnAnd() throws Exception {
        RunResult r = finished("perceptron-and.yaml");
        assertEquals(1.0, r.metrics().get("converged"));
        assertEquals(1.0, r.metrics().get("train.accuracy"));
        double epochs = r.metrics().get("epochs_to_converge");
        assertTrue(epochs >= 2 && epochs < 50, "epochs to converge: " + epochs);
        assertEquals(epochs, r.metrics().get("epochs"));
    }

    @Test
    void perceptronRuleNeverConvergesOnXorAndSaysSo() throws Exception {
        RunResult r = finished("perceptron-xor.yaml");
        assertEquals(0.0, r.metrics().get("converged"));
        assertEquals(100.0, r.metrics().get("epochs"));
        List<Double> accuracy = r.history().get("train.accuracy");
        assertEquals(100, accuracy.size());
        assertTrue(accuracy.stream().allMatch(a -> a <= 0.75), "accuracy history " + accuracy);
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("did not converge: train.accuracy >= 1.0")),
                r.notes().toString());
    }

    @Test
    void sigmoidMlpSolvesXor() throws Exception {
        RunResult r = finished("xor-mlp.yaml");
        assertEquals(1.0, r.metrics().get("train.accuracy"));
        assertTrue(r.metrics().get("train.loss") < 0.01, "loss " + r.metrics().get("train.loss"));
    }

    @Test
    void binaryMlpLossFallsEveryEpoch() throws Exception {
        RunResult r = finished("binary-mlp.yaml");
        List<Double> loss = r.history().get("train.loss");
        assertEquals(20, loss.size());
        for (int i = 1; i < loss.size(); i++) {
            assertTrue(loss.get(i) < loss.get(i - 1), "loss rose at epoch " + (i + 1) + ": " + loss);
        }
        assertTrue(r.metrics().get("test.accuracy") > 0.9, "test accuracy " + r.metrics().get("test.accuracy"));
    }

    @Test
    void linearNeuronRecoversTheGeneratingWeights() throws Exception {
        RunResult r = finished("linear-regression.yaml");
        assertTrue(r.metrics().get("truth.weights_max_abs_error") < 0.01, r.metrics().toString());
        assertTrue(r.metrics().get("truth.bias_max_abs_error") < 0.01, r.metrics().toString());
    }
}

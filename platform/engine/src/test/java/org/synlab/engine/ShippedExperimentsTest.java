package org.synlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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

    @Test
    void ojaFindsTheFirstPrincipalComponentIn2D() throws Exception {
        RunResult r = finished("oja-pca.yaml");
        double cosine = r.metrics().get("truth.pc1_cosine");
        assertTrue(cosine >= 0.99, "cosine " + cosine);
        assertEquals(1.0, r.metrics().get("weights.norm"), 0.01, r.metrics().toString());
        // std [2, 1]: the first principal component has variance 4
        assertEquals(4.0, r.metrics().get("truth.pc1_eigenvalue"), 1e-6);
        // it got there by learning: the start points 80 degrees away, and the cosine climbs epoch by epoch
        List<Double> history = r.history().get("truth.pc1_cosine");
        assertEquals(20, history.size());
        assertTrue(history.getFirst() < 0.5, "after the first epoch: " + history);
        RunResult untrained = finished("oja-pca.yaml", "learning=~", "training=~");
        assertTrue(untrained.metrics().get("truth.pc1_cosine") < 0.3, untrained.metrics().toString());
    }

    @Test
    void ojaFindsTheFirstPrincipalComponentIn10DFromARandomStart() throws Exception {
        RunResult r = finished("oja-pca-10d.yaml");
        double cosine = r.metrics().get("truth.pc1_cosine");
        assertTrue(cosine >= 0.99, "cosine " + cosine);
        assertEquals(1.0, r.metrics().get("weights.norm"), 0.01, r.metrics().toString());
        assertEquals(9.0, r.metrics().get("truth.pc1_eigenvalue"), 1e-5);
        // the same network before learning: its initial weights point elsewhere
        RunResult untrained = finished("oja-pca-10d.yaml", "learning=~", "training=~");
        assertTrue(untrained.metrics().get("truth.pc1_cosine") < 0.9, untrained.metrics().toString());
    }

    @Test
    void ojaRunsReproduceBitForBitOnAnyThreadCount() throws Exception {
        RunResult one = finished("oja-pca-10d.yaml", "threads=1", "training.epochs=3");
        RunResult two = finished("oja-pca-10d.yaml", "threads=2", "training.epochs=3");
        assertEquals(one.metrics().get("truth.pc1_cosine"), two.metrics().get("truth.pc1_cosine"));
        assertEquals(one.history().get("weights.norm"), two.history().get("weights.norm"));
    }

    @Test
    void bcmDevelopsSelectivityToOnePattern() throws Exception {
        RunResult r = finished("bcm-selectivity.yaml");
        Map<String, Double> m = r.metrics();
        int preferred = m.get("patterns.unit1.preferred").intValue();
        double best = m.get("patterns.unit1.response.p" + preferred);
        // BCM's stable state: the preferred response settles where it equals theta = <y^2> = best^2 / 4
        assertTrue(best > 3 && best < 6, "preferred response " + best + ": " + m);
        for (int k = 1; k <= 4; k++) {
            if (k != preferred) {
                double other = m.get("patterns.unit1.response.p" + k);
                assertTrue(Math.abs(other) < 0.05 * best, "pattern " + k + " keeps a response: " + m);
            }
        }
        // the index is 1 - 1/4 for a unit that answers one pattern of four alone
        double selectivity = m.get("patterns.unit1.selectivity");
        assertTrue(selectivity > 0.7 && selectivity <= 0.75, "selectivity " + selectivity);
        assertEquals(selectivity, m.get("patterns.selectivity"));
        assertEquals(3, preferred, "seed 1 picks the third pattern, as the file says");
        // it developed: the nearly uniform start answers all four alike
        List<Double> history = r.history().get("patterns.selectivity");
        assertEquals(50, history.size());
        assertTrue(history.getFirst() < 0.1, "after the first epoch: " + history);
        RunResult untrained = finished("bcm-selectivity.yaml", "learning=~", "training=~");
        assertTrue(untrained.metrics().get("patterns.selectivity") < 0.05, untrained.metrics().toString());
    }
}

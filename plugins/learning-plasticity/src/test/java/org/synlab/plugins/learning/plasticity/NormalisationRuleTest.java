package org.synlab.plugins.learning.plasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.ParameterException;
import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.Synapses;

class NormalisationRuleTest {

    private final NormalisationRule rule = new NormalisationRule();

    @Test
    void scalesEachNeuronsIncomingWeightsToTheTotal() {
        // 3 inputs -> 3 neurons; neuron 2 receives from inputs 0 and 2 only; CSR rows by input
        int[] rowPtr = {0, 3, 5, 7};
        int[] post = {0, 1, 2, 0, 1, 0, 2};
        float[] w = {1f, 2f, 3f, 1f, 2f, 2f, 1f};
        Plasticity p = rule.attach(Synapses.ofRows(rowPtr, 3, post, w), rule.parameters().validate(Map.of("total", 78.0)), 1e-4);
        p.beforePattern(0);
        // neuron 0: 1 + 1 + 2 = 4 -> x 19.5; neuron 1: 2 + 2 = 4 -> x 19.5; neuron 2: 3 + 1 = 4 -> x 19.5
        assertArrayEquals(new float[] {19.5f, 39f, 58.5f, 19.5f, 39f, 39f, 19.5f}, w, 1e-5f);
        double[] sums = new double[3];
        for (int s = 0; s < w.length; s++) {
            sums[post[s]] += w[s];
        }
        assertArrayEquals(new double[] {78, 78, 78}, sums, 1e-4);
    }

    @Test
    void keepsRatiosAndLeavesASilentNeuronAlone() {
        int[] rowPtr = {0, 2, 4};
        float[] w = {0.3f, 0f, 0.1f, 0f};
        Plasticity p = rule.attach(Synapses.ofRows(rowPtr, 2, new int[] {0, 1, 0, 1}, w),
                rule.parameters().validate(Map.of("total", 1.0)), 1e-4);
        p.beforePattern(0);
        assertEquals(0.75f, w[0], 1e-7f);
        assertEquals(0.25f, w[2], 1e-7f);
        assertEquals(0f, w[1]);
        assertEquals(0f, w[3]);
    }

    @Test
    void spikesChangeNothing() {
        float[] w = {0.4f};
        Plasticity p = rule.attach(StdpRuleTest.single(w), rule.parameters().validate(Map.of("total", 1.0)), 1e-4);
        new Replay(p, StdpRuleTest.ROW).pre(0, 0).post(0, 1).run();
        assertEquals(0.4f, w[0]);
    }

    @Test
    void theTotalIsRequired() {
        assertThrows(ParameterException.class, () -> rule.parameters().validate(Map.of()));
    }
}

package org.synlab.plugins.learning.plasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.SpikingRule;
import org.synlab.api.plasticity.Synapses;

/**
 * All-to-all rows whose targets are an ascending range take the rules' fast paths (depression visits only the
 * recently active postsynaptic neurons; normalisation sweeps rows as slices). The same synapses with each row's
 * targets in descending order take the general paths. Random spike trains must leave every (pre, post) weight
 * bit-for-bit the same on both.
 */
class DenseRowsTest {

    private static final int PRE = 30;
    private static final int POST = 20;

    @Test
    void fastAndGeneralPathsLearnTheSameWeights() {
        check(new TripletStdpRule(), Map.of("pairing", "nearest", "a2_plus", 0.0, "a3_plus", 0.01,
                "a2_minus", 0.0001, "tau_plus", 20.0, "tau_minus", 20.0, "tau_y", 40.0, "normalise_total", 7.8));
        check(new StdpRule(), Map.of("a_plus", 0.01, "a_minus", 0.012, "normalise_total", 5.0));
        check(new StdpRule(), Map.of("pairing", "nearest", "weight_dependence", "multiplicative"));
    }

    private static void check(SpikingRule rule, Map<String, ?> params) {
        SplittableRandom random = new SplittableRandom(11);
        float[] initial = new float[PRE * POST];
        for (int k = 0; k < initial.length; k++) {
            initial[k] = (float) (0.05 + 0.3 * random.nextDouble());
        }
        int[] rowPtr = new int[PRE + 1];
        int[] ascending = new int[PRE * POST];
        int[] descending = new int[PRE * POST];
        float[] wAscending = new float[PRE * POST];
        float[] wDescending = new float[PRE * POST];
        for (int i = 0; i < PRE; i++) {
            rowPtr[i + 1] = (i + 1) * POST;
            for (int k = 0; k < POST; k++) {
                ascending[i * POST + k] = k;
                wAscending[i * POST + k] = initial[i * POST + k];
                descending[i * POST + k] = POST - 1 - k;
                wDescending[i * POST + k] = initial[i * POST + POST - 1 - k];
            }
        }
        Plasticity fast = rule.attach(Synapses.ofRows(rowPtr, POST, ascending, wAscending),
                rule.parameters().validate(params), Replay.DT);
        Plasticity general = rule.attach(Synapses.ofRows(rowPtr, POST, descending, wDescending),
                rule.parameters().validate(params), Replay.DT);
        for (long step = 0; step < 20_000; step++) {
            if (step % 1000 == 0) {
                fast.beforePattern(step);
                general.beforePattern(step);
            }
            for (int i = 0; i < PRE; i++) {
                if (random.nextDouble() < 0.01) {
                    fast.preSpike(i, rowPtr[i], rowPtr[i + 1], step);
                    general.preSpike(i, rowPtr[i], rowPtr[i + 1], step);
                }
            }
            // bursts of a few postsynaptic neurons, then long silences: traces die out and neurons leave the list
            if (step % 4000 < 300) {
                for (int j = 0; j < POST; j++) {
                    if (random.nextDouble() < 0.01) {
                        fast.postSpike(j, step);
                        general.postSpike(j, step);
                    }
                }
            }
        }
        int changed = 0;
        for (int i = 0; i < PRE; i++) {
            for (int j = 0; j < POST; j++) {
                float a = wAscending[i * POST + j];
                float d = wDescending[i * POST + POST - 1 - j];
                assertEquals(Float.floatToIntBits(a), Float.floatToIntBits(d), rule.name() + " " + params
                        + ": weight " + i + " -> " + j + ": " + a + " vs " + d);
                changed += a != initial[i * POST + j] ? 1 : 0;
            }
        }
        assertTrue(changed > PRE * POST / 2, rule.name() + ": only " + changed + " weights changed");
    }
}

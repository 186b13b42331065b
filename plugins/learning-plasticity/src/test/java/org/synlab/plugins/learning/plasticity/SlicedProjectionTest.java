package org.synlab.plugins.learning.plasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.SpikingRule;
import org.synlab.api.plasticity.Synapses;

/**
 * The runtime may attach one state per thread slice (disjoint postsynaptic ranges, each with its own weight array).
 * For every spike-based rule, random spike trains on a random projection must give bit-for-bit the same weights
 * whether the projection is one state or two slices.
 */
class SlicedProjectionTest {

    private static final int PRE = 12;
    private static final int POST = 8;
    private static final int SPLIT = 5;

    @Test
    void everyRuleGivesTheSameWeightsOnOneStateAndOnTwoSlices() {
        List<SpikingRule> rules = List.of(new StdpRule(), new TripletStdpRule(), new RewardStdpRule());
        for (SpikingRule rule : rules) {
            compare(rule, Map.of());
        }
        compare(new StdpRule(), Map.of("pairing", "nearest", "weight_dependence", "multiplicative",
                "normalise_total", 3.0));
        compare(new TripletStdpRule(), Map.of("pairing", "nearest", "a3_minus", 1e-3, "normalise_total", 3.0));
    }

    private static void compare(SpikingRule rule, Map<String, ?> params) {
        SplittableRandom random = new SplittableRandom(5);
        // CSR by presynaptic neuron, each row a random subset of targets in ascending order
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < PRE; i++) {
            rows.add(random.ints(0, POST).limit(POST).distinct().sorted().toArray());
        }
        Csr whole = Csr.of(rows, 0, POST, random.split());
        Csr low = Csr.of(rows, 0, SPLIT, null);
        Csr high = Csr.of(rows, SPLIT, POST, null);
        low.copyWeightsFrom(whole);
        high.copyWeightsFrom(whole);
        Plasticity one = rule.attach(whole.synapses(), rule.parameters().validate(params), Replay.DT);
        Plasticity a = rule.attach(low.synapses(), rule.parameters().validate(params), Replay.DT);
        Plasticity b = rule.attach(high.synapses(), rule.parameters().validate(params), Replay.DT);
        for (long step = 0; step < 3000; step++) {
            if (step % 1000 == 0) {
                one.beforePattern(step);
                a.beforePattern(step);
                b.beforePattern(step);
            }
            for (int i = 0; i < PRE; i++) {
                if (random.nextDouble() < 0.02) {
                    one.preSpike(i, whole.rowPtr[i], whole.rowPtr[i + 1], step);
                    a.preSpike(i, low.rowPtr[i], low.rowPtr[i + 1], step);
                    b.preSpike(i, high.rowPtr[i], high.rowPtr[i + 1], step);
                }
            }
            for (int j = 0; j < POST; j++) {
                if (random.nextDouble() < 0.02) {
                    one.postSpike(j, step);
                    (j < SPLIT ? a : b).postSpike(j, step);
                }
            }
            if (step % 500 == 499) {
                one.reward(1.0, step);
                a.reward(1.0, step);
                b.reward(1.0, step);
            }
        }
        int changed = 0;
        for (int s = 0; s < whole.count(); s++) {
            Csr slice = whole.post[s] < SPLIT ? low : high;
            float expected = whole.weight[s];
            assertEquals(expected, slice.weightOf(whole.preOf(s), whole.post[s]), rule.name() + " synapse " + s);
            changed += expected != whole.initial[s] ? 1 : 0;
        }
        assertTrue(changed > whole.count() / 2, rule.name() + " changed only " + changed + " synapses");
    }

    /** A CSR projection restricted to targets in {@code [lo, hi)}, as the runtime's slices are. */
    private record Csr(int[] rowPtr, int[] post, float[] weight, float[] initial) {

        static Csr of(List<int[]> rows, int lo, int hi, SplittableRandom weights) {
            int[] rowPtr = new int[rows.size() + 1];
            List<Integer> targets = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                for (int j : rows.get(i)) {
                    if (j >= lo && j < hi) {
                        targets.add(j);
                    }
                }
                rowPtr[i + 1] = targets.size();
            }
            float[] w = new float[targets.size()];
            for (int s = 0; s < w.length; s++) {
                w[s] = weights == null ? 0f : (float) weights.nextDouble(0.2, 0.8);
            }
            return new Csr(rowPtr, targets.stream().mapToInt(Integer::intValue).toArray(), w, w.clone());
        }

        Synapses synapses() {
            return Synapses.ofRows(rowPtr, POST, post, weight);
        }

        int count() {
            return post.length;
        }

        int preOf(int s) {
            int i = 0;
            while (rowPtr[i + 1] <= s) {
                i++;
            }
            return i;
        }

        float weightOf(int pre, int target) {
            for (int s = rowPtr[pre]; s < rowPtr[pre + 1]; s++) {
                if (post[s] == target) {
                    return weight[s];
                }
            }
            throw new AssertionError("no synapse " + pre + " -> " + target);
        }

        void copyWeightsFrom(Csr whole) {
            for (int i = 0; i + 1 < rowPtr.length; i++) {
                for (int s = rowPtr[i]; s < rowPtr[i + 1]; s++) {
                    weight[s] = whole.weightOf(i, post[s]);
                    initial[s] = weight[s];
                }
            }
        }
    }
}

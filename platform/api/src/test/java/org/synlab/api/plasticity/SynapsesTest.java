package org.synlab.api.plasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SynapsesTest {

    @Test
    void ofRowsExpandsTheRowPointersIntoPresynapticIndices() {
        float[] w = {1, 2, 3, 4};
        Synapses s = Synapses.ofRows(new int[] {0, 2, 2, 4}, 3, new int[] {0, 2, 1, 2}, w);
        assertEquals(3, s.preSize());
        assertEquals(3, s.postSize());
        assertEquals(4, s.count());
        assertArrayEquals(new int[] {0, 0, 2, 2}, s.pre());
        assertEquals(w, s.weight(), "the runtime's own array, not a copy: rules write into it");
    }

    @Test
    void rejectsAnIndexOutsideThePopulations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Synapses(2, 2, new int[] {0, 1}, new int[] {0, 2}, new float[2], 2));
        assertTrue(e.getMessage().contains("synapse 1"), e.getMessage());
    }

    @Test
    void rejectsArraysShorterThanTheCount() {
        assertThrows(IllegalArgumentException.class,
                () -> new Synapses(1, 1, new int[] {0}, new int[] {0}, new float[0], 1));
    }

    @Test
    void ignoresEntriesPastTheCount() {
        Synapses s = new Synapses(1, 1, new int[] {0, 99}, new int[] {0, 99}, new float[2], 1);
        assertEquals(1, s.count());
    }

    @Test
    void hooksOtherThanTheSpikesDefaultToNothing() {
        float[] w = {0.5f};
        Plasticity p = new Plasticity() {
            @Override
            public void preSpike(int pre, int begin, int end, long step) {
                w[0] += 1;
            }

            @Override
            public void postSpike(int post, long step) {
                w[0] += 10;
            }
        };
        p.reward(1, 0);
        p.endStep(0);
        p.beforePattern(0);
        p.settle(0);
        assertEquals(0.5f, w[0]);
        p.preSpike(0, 0, 1, 1);
        p.postSpike(0, 1);
        assertEquals(11.5f, w[0]);
    }
}

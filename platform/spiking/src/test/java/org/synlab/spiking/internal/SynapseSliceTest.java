package org.synlab.spiking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.synlab.spiking.Connector;
import org.synlab.spiking.Projection;
import org.synlab.spiking.Sign;
import org.synlab.spiking.Value;

class SynapseSliceTest {

    private static SynapseMatrix matrix() {
        Projection p = Projection.of("a", "b", Connector.fixedProbability(0.2, true), "x", Sign.EXCITATORY,
                Value.uniform(0.5, 1.5), Value.uniform(0.1, 0.6));
        return new SynapseBuilder(3, 0.1).build(p, 0, 60, 70, false);
    }

    @Test
    void slicesPartitionTheSynapsesAndGroupEachRowByAscendingDelay() {
        SynapseMatrix m = matrix();
        Partition partition = new Partition(70, 3);
        int total = 0;
        for (int k = 0; k < 3; k++) {
            int lo = partition.from(k);
            int hi = partition.to(k);
            SynapseSlice slice = SynapseSlice.of(m, lo, hi);
            total += slice.size();
            for (int i = 0; i < 60; i++) {
                int expected = 0;
                for (int s = m.rowPtr()[i]; s < m.rowPtr()[i + 1]; s++) {
                    expected += m.target()[s] >= lo && m.target()[s] < hi ? 1 : 0;
                }
                int actual = 0;
                int previousDelay = 0;
                for (int g = slice.groupBegin(i); g < slice.groupEnd(i); g++) {
                    assertTrue(slice.delay(g) > previousDelay, "groups of row " + i + " not by ascending delay");
                    previousDelay = slice.delay(g);
                    assertTrue(slice.synapseEnd(g) > slice.synapseBegin(g), "empty group");
                    for (int q = slice.synapseBegin(g); q < slice.synapseEnd(g); q++) {
                        assertTrue(slice.target(q) >= lo && slice.target(q) < hi);
                        if (q > slice.synapseBegin(g)) {
                            assertTrue(slice.target(q) > slice.target(q - 1), "targets not ascending in a group");
                        }
                        actual++;
                    }
                }
                assertEquals(expected, actual, "row " + i + " of slice " + k);
            }
        }
        assertEquals(m.size(), total);
    }

    @Test
    void deliveryAddsOneStepDelaysToTheVariableAndLongerOnesToTheirSlot() {
        SynapseMatrix m = matrix();
        SynapseSlice slice = SynapseSlice.of(m, 0, 70);
        float[] variable = new float[70];
        DelayBuffer buffer = new DelayBuffer(variable, m.maxDelay(), 1);
        assertEquals(6, buffer.slots(), "delays of 0.1 to 0.6 ms at dt 0.1 ms: up to 6 steps, one slot each");
        long now = 17;
        int[] spikes = {3, 11, 42};
        long events = slice.deliver(spikes, spikes.length, buffer, buffer.slot(now), 0);
        // expected[d] = what arrives at step now + d
        double[][] expected = new double[m.maxDelay() + 1][70];
        int expectedEvents = 0;
        for (int pre : spikes) {
            for (int s = m.rowPtr()[pre]; s < m.rowPtr()[pre + 1]; s++) {
                expected[m.delay()[s]][m.target()[s]] += m.weight()[s];
                expectedEvents++;
            }
        }
        assertEquals(expectedEvents, events);
        double arrivedNow = 0;
        for (int j = 0; j < 70; j++) {
            assertEquals(expected[1][j], variable[j], 1e-5, "one-step delay lands in the variable, target " + j);
            arrivedNow += expected[1][j];
        }
        assertTrue(arrivedNow > 0, "the sample has one-step synapses");
        for (int d = 2; d <= m.maxDelay(); d++) {
            float[] before = variable.clone();
            buffer.drain(now + d, 0, 0, 70);
            for (int j = 0; j < 70; j++) {
                assertEquals(expected[d][j], variable[j] - before[j], 1e-5, "delay " + d + ", target " + j);
                assertEquals(0f, buffer.data()[buffer.slot(now + d) * 70 + j], "drained slot is cleared");
            }
        }
        float[] before = variable.clone();
        buffer.drain(now + 1 + m.maxDelay(), 0, 0, 70);
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, variable, "nothing left to drain");
    }

    @Test
    void aRingOfOneSlotHoldsNothing() {
        float[] variable = {1, 2};
        DelayBuffer buffer = new DelayBuffer(variable, 1, 1);
        assertEquals(0, buffer.data().length);
        buffer.drain(5, 0, 0, 2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1, 2}, variable);
    }

    @Test
    void partitionBoundariesAreAlignedAndCoverEverything() {
        Partition p = new Partition(1000, 3);
        assertEquals(0, p.from(0));
        assertEquals(1000, p.to(2));
        for (int k = 0; k < 3; k++) {
            assertEquals(0, p.from(k) % Partition.ALIGN);
            assertEquals(p.to(k), k < 2 ? p.from(k + 1) : 1000);
            assertTrue(p.to(k) >= p.from(k));
        }
        Partition tiny = new Partition(5, 4);
        assertEquals(5, tiny.to(0));
        assertEquals(5, tiny.from(3));
        assertEquals(5, tiny.to(3));
    }
}

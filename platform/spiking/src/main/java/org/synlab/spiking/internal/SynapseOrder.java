package org.synlab.spiking.internal;

/**
 * Visits the synapses of a projection cut into thread slices in one order that does not depend on the number of
 * slices: by presynaptic neuron, then delay, then target. It merges the slices' delay groups of each row; for equal
 * delays lower slices come first, since they own lower targets. Reading and writing weights through this order is
 * what makes saved weights load into a network split among any number of threads.
 */
public final class SynapseOrder {

    /** Receives one synapse: row {@code pre}, its delay in steps, and where it lives. */
    @FunctionalInterface
    public interface Visitor {
        void visit(int pre, int delay, SynapseSlice slice, int q);
    }

    private SynapseOrder() {
    }

    /** Calls {@code visitor} for every synapse of {@code slices} (rows {@code [0, preSize)}) in canonical order. */
    public static void forEach(SynapseSlice[] slices, int preSize, Visitor visitor) {
        int parts = slices.length;
        int[] group = new int[parts];
        for (int i = 0; i < preSize; i++) {
            for (int k = 0; k < parts; k++) {
                group[k] = slices[k].groupBegin(i);
            }
            while (true) {
                int best = -1;
                for (int k = 0; k < parts; k++) {
                    if (group[k] < slices[k].groupEnd(i)
                            && (best < 0 || slices[k].delay(group[k]) < slices[best].delay(group[best]))) {
                        best = k;
                    }
                }
                if (best < 0) {
                    break;
                }
                SynapseSlice slice = slices[best];
                int g = group[best]++;
                for (int q = slice.synapseBegin(g); q < slice.synapseEnd(g); q++) {
                    visitor.visit(i, slice.delay(g), slice, q);
                }
            }
        }
    }
}

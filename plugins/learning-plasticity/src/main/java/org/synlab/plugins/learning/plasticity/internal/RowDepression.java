package org.synlab.plugins.learning.plasticity.internal;

import org.synlab.api.plasticity.Synapses;

/**
 * The depression a presynaptic spike causes along its row: every synapse whose postsynaptic trace is not 0 loses
 * {@code x_post * amplitude} (through {@link Bounds#depress}). Streaming the whole row reads one trace per synapse,
 * yet in a trained layer most postsynaptic neurons have been silent for long and their traces are exactly 0. So
 * the postsynaptic neurons that spiked recently (whose trace may still be non-zero) are kept in a list, and a row
 * whose targets are one contiguous ascending range (all-to-all without delays, as in Diehl and Cook's input layer)
 * visits only them, finding each one's synapse by its offset in the range. A neuron leaves the list the first time
 * its trace reads 0. Each synapse gets the same float operations either way, and updates of different synapses
 * do not interact, so the visiting order changes no result.
 */
public final class RowDepression {

    private final float[] weight;
    private final int[] post;
    private final Trace trace;
    private final Bounds bounds;
    private final RowLayout rows;
    private final int[] recent;
    private final boolean[] listed;
    private int recentCount;

    public RowDepression(Synapses synapses, Trace trace, Bounds bounds) {
        this.weight = synapses.weight();
        this.post = synapses.post();
        this.trace = trace;
        this.bounds = bounds;
        this.rows = RowLayout.of(synapses);
        this.recent = new int[synapses.postSize()];
        this.listed = new boolean[synapses.postSize()];
    }

    /** Depresses row {@code neuron}'s synapses {@code [begin, end)} at {@code step} by {@code x_post * amplitude}. */
    public void apply(int neuron, int begin, int end, long step, float amplitude) {
        int first = rows.rangeStart(neuron);
        if (first < 0 || recentCount >= end - begin) {
            for (int s = begin; s < end; s++) {
                float x = trace.at(post[s], step);
                if (x != 0f) {
                    weight[s] = bounds.depress(weight[s], x * amplitude);
                }
            }
            return;
        }
        int length = end - begin;
        for (int k = 0; k < recentCount; ) {
            int j = recent[k];
            float x = trace.at(j, step);
            if (x == 0f) {
                listed[j] = false;
                recent[k] = recent[--recentCount];
                continue;
            }
            int offset = j - first;
            if (offset >= 0 && offset < length) {
                int s = begin + offset;
                weight[s] = bounds.depress(weight[s], x * amplitude);
            }
            k++;
        }
    }

    /** Notes that postsynaptic {@code neuron} spiked, so its trace is no longer 0. */
    public void postSpiked(int neuron) {
        if (!listed[neuron]) {
            listed[neuron] = true;
            recent[recentCount++] = neuron;
        }
    }
}

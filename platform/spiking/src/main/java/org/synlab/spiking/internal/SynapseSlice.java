package org.synlab.spiking.internal;

import org.synlab.api.plasticity.Synapses;

/**
 * The synapses of one projection whose targets fall in one thread's range {@code [lo, hi)}, laid out for delivery:
 * row {@code i} owns groups {@code rowGroup[i] .. rowGroup[i+1]-1}, group {@code g} has one delay {@code
 * groupDelay[g]} and synapses {@code groupStart[g] .. groupStart[g+1]-1}, targets ascending. One spike therefore
 * touches one ring-buffer slot per group. Because each thread owns its targets, threads deliver without locks, and
 * each target receives its inputs in ascending source order whatever the thread count, so float sums are
 * bit-for-bit reproducible.
 */
public final class SynapseSlice {

    private final int[] rowGroup;
    private final int[] groupDelay;
    private final int[] groupStart;
    private final int[] target;
    private final float[] weight;

    private SynapseSlice(int[] rowGroup, int[] groupDelay, int[] groupStart, int[] target, float[] weight) {
        this.rowGroup = rowGroup;
        this.groupDelay = groupDelay;
        this.groupStart = groupStart;
        this.target = target;
        this.weight = weight;
    }

    /** The synapses of {@code matrix} with a target in {@code [lo, hi)}. */
    public static SynapseSlice of(SynapseMatrix matrix, int lo, int hi) {
        int rows = matrix.preSize();
        int[] rowPtr = matrix.rowPtr();
        int[] allTargets = matrix.target();
        int[] allDelays = matrix.delay();
        int synapses = 0;
        int groups = 0;
        for (int i = 0; i < rows; i++) {
            int previous = -1;
            for (int s = rowPtr[i]; s < rowPtr[i + 1]; s++) {
                if (allTargets[s] >= lo && allTargets[s] < hi) {
                    synapses++;
                    if (allDelays[s] != previous) {
                        groups++;
                        previous = allDelays[s];
                    }
                }
            }
        }
        int[] rowGroup = new int[rows + 1];
        int[] groupDelay = new int[groups];
        int[] groupStart = new int[groups + 1];
        int[] target = new int[synapses];
        float[] weight = new float[synapses];
        int g = 0;
        int q = 0;
        for (int i = 0; i < rows; i++) {
            int previous = -1;
            for (int s = rowPtr[i]; s < rowPtr[i + 1]; s++) {
                if (allTargets[s] >= lo && allTargets[s] < hi) {
                    if (allDelays[s] != previous) {
                        groupStart[g] = q;
                        groupDelay[g++] = allDelays[s];
                        previous = allDelays[s];
                    }
                    target[q] = allTargets[s];
                    weight[q++] = matrix.weight()[s];
                }
            }
            rowGroup[i + 1] = g;
        }
        groupStart[groups] = q;
        return new SynapseSlice(rowGroup, groupDelay, groupStart, target, weight);
    }

    /**
     * Adds the weights of the synapses of the {@code count} spiking neurons in {@code spikes} for arrival at step
     * {@code now + delay}: one-step delays straight into the target variable, longer ones into their ring slot.
     * {@code nowSlot} is the ring slot of the current step, {@code part} the thread range this slice serves.
     *
     * @return the number of synaptic events delivered
     */
    public long deliver(int[] spikes, int count, DelayBuffer buffer, int nowSlot, int part) {
        float[] variable = buffer.variable();
        float[] ring = buffer.data();
        int slots = buffer.slots();
        int size = buffer.size();
        long events = 0;
        for (int n = 0; n < count; n++) {
            int pre = spikes[n];
            int g0 = rowGroup[pre];
            int g1 = rowGroup[pre + 1];
            for (int g = g0; g < g1; g++) {
                int delay = groupDelay[g];
                int end = groupStart[g + 1];
                if (delay == 1) {
                    for (int q = groupStart[g]; q < end; q++) {
                        variable[target[q]] += weight[q];
                    }
                } else {
                    int slot = nowSlot + delay;
                    while (slot >= slots) {
                        slot -= slots;
                    }
                    buffer.markDirty(slot, part);
                    int base = slot * size;
                    for (int q = groupStart[g]; q < end; q++) {
                        ring[base + target[q]] += weight[q];
                    }
                }
            }
            events += groupStart[g1] - groupStart[g0];
        }
        return events;
    }

    /**
     * The slice as the {@link Synapses} a plasticity rule works on: the slice's own target and weight arrays (not
     * copies), so weights a rule changes are the weights the next delivery reads. Row {@code i} is the contiguous
     * range {@link #rowBegin(int) rowBegin(i)} .. {@link #rowEnd(int) rowEnd(i)}; targets are population indices.
     */
    public Synapses synapses(int postSize) {
        int rows = rowGroup.length - 1;
        int[] rowPtr = new int[rows + 1];
        for (int i = 0; i <= rows; i++) {
            rowPtr[i] = groupStart[rowGroup[i]];
        }
        return Synapses.ofRows(rowPtr, postSize, target, weight);
    }

    /** The first synapse of row {@code pre}; its synapses are contiguous up to {@link #rowEnd(int)}. */
    public int rowBegin(int pre) {
        return groupStart[rowGroup[pre]];
    }

    /** One past the last synapse of row {@code pre}. */
    public int rowEnd(int pre) {
        return groupStart[rowGroup[pre + 1]];
    }

    /** The number of synapses in this slice. */
    public int size() {
        return target.length;
    }

    /** The first group of row {@code pre}; its groups end at {@code groupEnd(pre)}. */
    public int groupBegin(int pre) {
        return rowGroup[pre];
    }

    /** One past the last group of row {@code pre}. */
    public int groupEnd(int pre) {
        return rowGroup[pre + 1];
    }

    /** The delay in steps of group {@code g}. */
    public int delay(int g) {
        return groupDelay[g];
    }

    /** The first synapse of group {@code g}. */
    public int synapseBegin(int g) {
        return groupStart[g];
    }

    /** One past the last synapse of group {@code g}. */
    public int synapseEnd(int g) {
        return groupStart[g + 1];
    }

    /** The target of synapse {@code q}. */
    public int target(int q) {
        return target[q];
    }

    /** The weight of synapse {@code q}. */
    public float weight(int q) {
        return weight[q];
    }

    /** Sets the weight of synapse {@code q}; later deliveries carry it. */
    public void setWeight(int q, float value) {
        weight[q] = value;
    }
}

package org.synlab.api.plasticity;

import java.util.Objects;

/**
 * The synapses of one projection as the spiking runtime stores them: plain arrays it owns, which a
 * {@link Plasticity} reads and (for {@link #weight()}) writes in place. Synapse {@code s} (for
 * {@code 0 <= s < count}) connects presynaptic neuron {@code pre[s]} to postsynaptic neuron {@code post[s]}
 * with weight {@code weight[s]}. The order is CSR by presynaptic neuron: the synapses of one presynaptic neuron
 * form one contiguous range (how they are ordered inside it, by delay then target for the runtime, does not
 * matter to a rule). Arrays may be longer than {@code count}; entries past it are ignored.
 *
 * @param preSize  number of presynaptic neurons: every {@code pre[s]} is in {@code [0, preSize)}
 * @param postSize number of postsynaptic neurons: every {@code post[s]} is in {@code [0, postSize)}
 * @param pre      presynaptic neuron of each synapse
 * @param post     postsynaptic neuron of each synapse
 * @param weight   weight of each synapse, in the projection's unit (e.g. nS for a conductance), float32
 * @param count    number of synapses
 */
public record Synapses(int preSize, int postSize, int[] pre, int[] post, float[] weight, int count) {

    public Synapses {
        Objects.requireNonNull(pre, "pre");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(weight, "weight");
        if (preSize < 0 || postSize < 0 || count < 0) {
            throw new IllegalArgumentException("negative size: preSize " + preSize + ", postSize " + postSize
                    + ", count " + count);
        }
        if (pre.length < count || post.length < count || weight.length < count) {
            throw new IllegalArgumentException("arrays shorter than the " + count + " synapses: pre " + pre.length
                    + ", post " + post.length + ", weight " + weight.length);
        }
        for (int s = 0; s < count; s++) {
            if (pre[s] < 0 || pre[s] >= preSize || post[s] < 0 || post[s] >= postSize) {
                throw new IllegalArgumentException("synapse " + s + " connects " + pre[s] + " -> " + post[s]
                        + ", outside " + preSize + " x " + postSize);
            }
        }
    }

    /**
     * The synapses of a CSR matrix: row {@code i} holds synapses {@code rowPtr[i] .. rowPtr[i+1]-1}; the
     * {@code pre} array is expanded from the row pointers.
     */
    public static Synapses ofRows(int[] rowPtr, int postSize, int[] post, float[] weight) {
        int rows = rowPtr.length - 1;
        int count = rowPtr[rows];
        int[] pre = new int[count];
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(pre, rowPtr[i], rowPtr[i + 1], i);
        }
        return new Synapses(rows, postSize, pre, post, weight, count);
    }
}

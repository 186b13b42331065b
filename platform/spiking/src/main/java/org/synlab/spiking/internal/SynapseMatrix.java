package org.synlab.spiking.internal;

/**
 * All synapses of one projection in CSR by presynaptic neuron: the synapses of row {@code i} are {@code
 * rowPtr[i] .. rowPtr[i+1]-1}, ordered by delay, then by target. This is the build-time form; the simulation
 * delivers from {@link SynapseSlice}s cut from it.
 *
 * @param preSize number of rows
 * @param postSize number of possible targets
 * @param rowPtr row starts, {@code preSize + 1} entries
 * @param target postsynaptic neuron of each synapse
 * @param weight weight of each synapse
 * @param delay delay of each synapse in steps, at least 1
 */
public record SynapseMatrix(int preSize, int postSize, int[] rowPtr, int[] target, float[] weight, int[] delay) {

    /** The number of synapses. */
    public int size() {
        return target.length;
    }

    /** The longest delay in steps, 1 if there are no synapses. */
    public int maxDelay() {
        int max = 1;
        for (int d : delay) {
            max = Math.max(max, d);
        }
        return max;
    }

    /** How many synapses leave neuron {@code pre}. */
    public int outDegree(int pre) {
        return rowPtr[pre + 1] - rowPtr[pre];
    }
}

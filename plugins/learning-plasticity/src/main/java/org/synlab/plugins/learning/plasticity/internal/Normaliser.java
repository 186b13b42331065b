package org.synlab.plugins.learning.plasticity.internal;

import org.synlab.api.plasticity.Synapses;

/**
 * Scales the incoming weights of each postsynaptic neuron so that they sum to a fixed total, keeping their ratios
 * (Diehl and Cook 2015 do this before each image, with a total of 78 for 784 inputs). The sum is taken in double
 * precision, adding a neuron's synapses in ascending order; a neuron whose incoming weights sum to zero is left
 * alone, since no factor can fix it. When every row is a dense range ({@link RowLayout}), the sums and the scaling
 * sweep the rows as array slices (the same additions in the same order, vectorised by the JIT) instead of visiting
 * each neuron's synapses through the reverse index.
 */
public final class Normaliser {

    private final float[] weight;
    private final Incoming incoming;
    private final double total;
    private final RowLayout rows;
    private final double[] sum;
    private final double[] factor;

    public Normaliser(Synapses synapses, Incoming incoming, double total) {
        this.weight = synapses.weight();
        this.incoming = incoming;
        this.total = total;
        RowLayout layout = RowLayout.of(synapses);
        this.rows = layout.allRanges(synapses.count()) ? layout : null;
        this.sum = new double[synapses.postSize()];
        this.factor = new double[synapses.postSize()];
    }

    /** Normalises every postsynaptic neuron. */
    public void apply() {
        if (rows != null) {
            applyByRows();
            return;
        }
        for (int j = 0; j < incoming.posts(); j++) {
            int begin = incoming.begin(j);
            int end = incoming.end(j);
            double sum = 0;
            for (int k = begin; k < end; k++) {
                sum += weight[incoming.synapse(k)];
            }
            if (sum != 0) {
                double factor = total / sum;
                for (int k = begin; k < end; k++) {
                    int s = incoming.synapse(k);
                    weight[s] = (float) (weight[s] * factor);
                }
            }
        }
    }

    private void applyByRows() {
        java.util.Arrays.fill(sum, 0);
        int preSize = rows.rows();
        for (int i = 0; i < preSize; i++) {
            int begin = rows.begin(i);
            int length = rows.end(i) - begin;
            int first = rows.rangeStart(i);
            for (int k = 0; k < length; k++) {
                sum[first + k] += weight[begin + k];
            }
        }
        for (int j = 0; j < sum.length; j++) {
            factor[j] = sum[j] != 0 ? total / sum[j] : 1;
        }
        for (int i = 0; i < preSize; i++) {
            int begin = rows.begin(i);
            int length = rows.end(i) - begin;
            int first = rows.rangeStart(i);
            for (int k = 0; k < length; k++) {
                weight[begin + k] = (float) (weight[begin + k] * factor[first + k]);
            }
        }
    }
}

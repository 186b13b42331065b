package org.synlab.plugins.learning.plasticity.internal;

import org.synlab.api.Compute;
import org.synlab.api.LocalRule;

/**
 * Plain Hebb on a Compute: {@code W += (lr / B) x^T y}, one GEMM; optionally followed by rescaling each unit's
 * weight vector to a fixed L2 norm. The bias is not a synapse and stays as it is.
 */
public final class HebbUpdater implements LocalRule.Updater {

    private final Compute compute;
    private final float learningRate;
    private final ColumnNorm norm;

    /** @param norm the normalisation applied after each update, or null for plain Hebb */
    public HebbUpdater(Compute compute, double learningRate, ColumnNorm norm) {
        this.compute = compute;
        this.learningRate = (float) learningRate;
        this.norm = norm;
    }

    @Override
    public void update(LocalRule.LayerActivity activity) {
        int batch = activity.input().rows();
        compute.gemm(true, false, learningRate / batch, activity.input(), activity.output(), 1f, activity.weights());
        if (norm != null) {
            norm.apply(activity.weights());
        }
    }
}

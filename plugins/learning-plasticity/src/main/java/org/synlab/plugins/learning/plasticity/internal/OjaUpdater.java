package org.synlab.plugins.learning.plasticity.internal;

import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.Kernel;
import org.synlab.api.LocalRule;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * Oja's rule on a Compute, averaged over the batch: {@code W_ij += lr (mean_b x_bi y_bj - mean_b y_bj^2 W_ij)}.
 * The decay term uses the weights before this update, so it is applied first (one kernel), then the Hebbian term
 * (one GEMM, which does not read W's old values).
 */
public final class OjaUpdater implements LocalRule.Updater {

    private final Compute compute;
    private final float learningRate;
    private final Kernel decay;
    private final BatchSquares squares;
    private final BatchSize batchSize;

    public OjaUpdater(Compute compute, double learningRate) {
        this.compute = compute;
        this.learningRate = (float) learningRate;
        this.decay = compute.kernel(Expr.parse("w - lr * m * w").bind(Map.of("lr", learningRate)), "w", "m");
        this.squares = new BatchSquares(compute);
        this.batchSize = new BatchSize(compute);
    }

    @Override
    public void update(LocalRule.LayerActivity activity) {
        int batch = activity.input().rows();
        Tensor meanSquares = squares.of(activity.output(), batchSize.of(batch));
        compute.apply(decay, activity.weights(), activity.weights(), meanSquares);
        compute.gemm(true, false, learningRate / batch, activity.input(), activity.output(), 1f, activity.weights());
    }
}

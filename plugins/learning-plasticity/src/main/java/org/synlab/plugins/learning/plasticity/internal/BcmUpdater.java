package org.synlab.plugins.learning.plasticity.internal;

import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.Kernel;
import org.synlab.api.LocalRule;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * BCM on a Compute, averaged over the batch: {@code W_ij += lr mean_b x_bi y_bj (y_bj - theta_j)}, then the
 * sliding threshold follows the mean squared output, {@code theta_j += (mean_b y_bj^2 - theta_j) / tau}, with tau
 * counted in updates. Theta is this updater's state, one value per unit, on the Compute.
 */
public final class BcmUpdater implements LocalRule.Updater {

    private final Compute compute;
    private final float learningRate;
    private final double initialTheta;
    private final Kernel modulation;
    private final Kernel slide;
    private final BatchSquares squares;
    private final BatchSize batchSize;
    private final Scratch phi;
    private Tensor theta;

    public BcmUpdater(Compute compute, double learningRate, double tau, double initialTheta) {
        this.compute = compute;
        this.learningRate = (float) learningRate;
        this.initialTheta = initialTheta;
        this.modulation = compute.kernel(Expr.parse("y * (y - th)"), "y", "th");
        this.slide = compute.kernel(Expr.parse("th + (m - th) / tau").bind(Map.of("tau", tau)), "th", "m");
        this.squares = new BatchSquares(compute);
        this.batchSize = new BatchSize(compute);
        this.phi = new Scratch(compute);
    }

    @Override
    public void update(LocalRule.LayerActivity activity) {
        Tensor y = activity.output();
        if (theta == null) {
            theta = compute.zeros(y.cols());
            compute.fill(theta, (float) initialTheta);
        }
        int batch = activity.input().rows();
        Tensor p = phi.shaped(y.shape());
        compute.apply(modulation, p, y, theta);
        compute.gemm(true, false, learningRate / batch, activity.input(), p, 1f, activity.weights());
        compute.apply(slide, theta, theta, squares.of(y, batchSize.of(batch)));
    }

    /** The current thresholds, one per unit (a copy, for tests and monitoring). */
    public float[] thresholds() {
        return theta == null ? new float[0] : compute.download(theta);
    }
}

package org.synlab.plugins.learning.plasticity.internal;

import org.synlab.api.Compute;
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * The mean over a batch of each unit's squared output, {@code m_j = (1/B) sum_b y_bj^2}: the decay term of Oja's
 * rule and the sliding threshold of BCM both need it.
 */
public final class BatchSquares {

    private final Compute compute;
    private final Kernel square;
    private final Kernel scale;
    private final Scratch squares;
    private final Scratch sums;

    public BatchSquares(Compute compute) {
        this.compute = compute;
        this.square = compute.kernel(Expr.parse("y * y"), "y");
        this.scale = compute.kernel(Expr.parse("s / n"), "s", "n");
        this.squares = new Scratch(compute);
        this.sums = new Scratch(compute);
    }

    /** Fills and returns {@code [units]}; {@code batchSize} is a one-element tensor holding B. */
    public Tensor of(Tensor output, Tensor batchSize) {
        Tensor sq = squares.shaped(output.shape());
        compute.apply(square, sq, output);
        Tensor mean = sums.shaped(output.cols());
        compute.sumColumns(sq, mean);
        compute.apply(scale, mean, mean, batchSize);
        return mean;
    }
}

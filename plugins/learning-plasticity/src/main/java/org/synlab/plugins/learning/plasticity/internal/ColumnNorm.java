package org.synlab.plugins.learning.plasticity.internal;

import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * Rescales each column of a weight matrix {@code [inputs, units]} (one unit's incoming weights) to a fixed L2
 * norm: {@code w_ij <- norm w_ij / ||w_j||}. A unit whose weights are all zero is left alone.
 */
public final class ColumnNorm {

    private final Compute compute;
    private final Kernel square;
    private final Kernel rescale;
    private final Scratch squares;
    private final Scratch sums;

    public ColumnNorm(Compute compute, double norm) {
        this.compute = compute;
        this.square = compute.kernel(Expr.parse("w * w"), "w");
        this.rescale = compute.kernel(Expr.parse("s > 0 ? w * norm / sqrt(s) : w").bind(Map.of("norm", norm)),
                "w", "s");
        this.squares = new Scratch(compute);
        this.sums = new Scratch(compute);
    }

    public void apply(Tensor weights) {
        Tensor sq = squares.shaped(weights.shape());
        compute.apply(square, sq, weights);
        Tensor s = sums.shaped(weights.cols());
        compute.sumColumns(sq, s);
        compute.apply(rescale, weights, weights, s);
    }
}

package org.synlab.plugins.learning.plasticity;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Compute;
import org.synlab.api.LearningRule;
import org.synlab.api.LocalRule;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.plugins.learning.plasticity.internal.HebbUpdater;

/**
 * Hebb's rule (1949), "cells that fire together wire together": each weight grows with the product of its input
 * and its unit's output, averaged over the batch of {@code B} samples:
 * <pre>
 *   ΔW_ij = lr * (1/B) * sum_b x_bi y_bj          (W is [inputs, units]; the bias is left as it is)
 * </pre>
 * <b>Worked example.</b> One sample {@code x = [1, 0.5]}, one linear unit with {@code W = [0.2, -0.4]}, so
 * {@code y = 1 * 0.2 + 0.5 * (-0.4) = 0}: nothing changes. With {@code W = [0.6, 0.4]}, {@code y = 0.6 + 0.2 = 0.8};
 * with {@code lr = 0.5}, {@code ΔW = 0.5 * [1 * 0.8, 0.5 * 0.8] = [0.4, 0.2]}, so {@code W = [1.0, 0.6]} and the
 * next output for the same input is {@code 1.3}: the rule is a positive feedback, and plain Hebb grows without
 * bound (use {@code hebb-normalised} or {@code oja} to keep the weights finite).
 */
@Component(service = LearningRule.class)
public class HebbRule implements LocalRule {

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number("lr", 0.01, "1", 0.0, null, "learning rate: weight change per unit of input x output, per sample")
            .build();

    @Override
    public String name() {
        return "hebb";
    }

    @Override
    public String description() {
        return "Plain Hebb: W += lr mean_b x^T y (grows without bound)";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Updater updater(Compute compute, Params params) {
        return new HebbUpdater(compute, params.number("lr"), null);
    }
}

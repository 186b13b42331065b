package org.synlab.plugins.learning.plasticity;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Compute;
import org.synlab.api.LearningRule;
import org.synlab.api.LocalRule;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.plugins.learning.plasticity.internal.BcmUpdater;

/**
 * The BCM rule (Bienenstock, Cooper and Munro 1982) with the sliding threshold of Intrator and Cooper (1992):
 * <pre>
 *   ΔW_ij   = lr * mean_b x_bi y_bj (y_bj - theta_j)
 *   theta_j += (mean_b y_bj^2 - theta_j) / tau_theta        (theta follows <y^2>, tau_theta counted in updates)
 * </pre>
 * Outputs above the threshold potentiate, below it depress; because theta rises faster than the output (as its
 * square), a unit shown several patterns becomes selective: it keeps a strong response to one and loses the others.
 * The threshold must move faster than the weights: keep {@code tau_theta} well below {@code 1 / lr}.
 */
@Component(service = LearningRule.class)
public class BcmRule implements LocalRule {

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number("lr", 0.01, "1", 0.0, null, "learning rate, per sample")
            .number("tau_theta", 10.0, "updates", 1.0, null, "time constant of the sliding threshold, in updates")
            .number("theta_initial", 0.0, "1", 0.0, null, "threshold of every unit before the first update")
            .build();

    @Override
    public String name() {
        return "bcm";
    }

    @Override
    public String description() {
        return "BCM: W += lr mean_b x y (y - theta), with the sliding threshold theta = <y^2>";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Updater updater(Compute compute, Params params) {
        return new BcmUpdater(compute, params.number("lr"), params.number("tau_theta"), params.number("theta_initial"));
    }
}

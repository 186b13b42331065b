package org.synlab.plugins.learning.plasticity;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Compute;
import org.synlab.api.LearningRule;
import org.synlab.api.LocalRule;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.plugins.learning.plasticity.internal.ColumnNorm;
import org.synlab.plugins.learning.plasticity.internal.HebbUpdater;

/**
 * Hebb with weight normalisation: a {@code hebb} step, then each unit's incoming weight vector is rescaled to L2
 * norm {@code norm}:
 * <pre>
 *   w_j <- norm * (w_j + lr mean_b x_b y_bj) / || w_j + lr mean_b x_b y_bj ||
 * </pre>
 * The weights stay on a sphere and turn towards the direction of largest input correlation (Oja's rule is this
 * rule's first-order expansion in {@code lr} for {@code norm = 1}).
 */
@Component(service = LearningRule.class)
public class NormalisedHebbRule implements LocalRule {

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number("lr", 0.01, "1", 0.0, null, "learning rate of the Hebb step, per sample")
            .number("norm", 1.0, "1", 0.0, null, "L2 norm of each unit's incoming weights after the update")
            .build();

    @Override
    public String name() {
        return "hebb-normalised";
    }

    @Override
    public String description() {
        return "Hebb followed by rescaling each unit's incoming weights to a fixed L2 norm";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Updater updater(Compute compute, Params params) {
        return new HebbUpdater(compute, params.number("lr"), new ColumnNorm(compute, params.number("norm")));
    }
}

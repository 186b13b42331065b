package org.synlab.plugins.learning.plasticity;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Compute;
import org.synlab.api.LearningRule;
import org.synlab.api.LocalRule;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.plugins.learning.plasticity.internal.OjaUpdater;

/**
 * Oja's rule (1982): Hebb with a decay that keeps the weight vector at unit norm,
 * <pre>
 *   ΔW_ij = lr * mean_b (x_bi y_bj - y_bj^2 W_ij)
 * </pre>
 * For a linear unit {@code y = x . w} on zero-mean data with covariance {@code C}, {@code w} converges to the
 * unit-norm eigenvector of {@code C} with the largest eigenvalue (the first principal component), up to sign,
 * when {@code lr} is small compared with {@code 1 / lambda_max}.
 */
@Component(service = LearningRule.class)
public class OjaRule implements LocalRule {

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number("lr", 0.01, "1", 0.0, null, "learning rate, per sample; keep lr * lambda_max well below 1")
            .build();

    @Override
    public String name() {
        return "oja";
    }

    @Override
    public String description() {
        return "Oja's rule: W += lr mean_b (x y - y^2 W); a linear unit finds the first principal component";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Updater updater(Compute compute, Params params) {
        return new OjaUpdater(compute, params.number("lr"));
    }
}

package org.synlab.plugins.learning.gradient;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule;
import org.synlab.api.LearningRule;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.plugins.learning.gradient.internal.AdamOptimizer;
import org.synlab.plugins.learning.gradient.internal.AdamSettings;

/**
 * Adam (Kingma and Ba 2015): per-parameter step sizes from running estimates of the gradient's mean
 * and uncentred variance, bias-corrected for their zero start ({@code m_hat = m / (1 - beta1^t)},
 * {@code v_hat = v / (1 - beta2^t)}), and {@code w -= lr * m_hat / (sqrt(v_hat) + epsilon)}. Defaults
 * as Keras (epsilon 1e-7). The optional L2 is coupled: added to the gradient of weights before the
 * moments, so Adam rescales it too; for decay that Adam leaves alone use {@code adamw}.
 */
@Component(service = LearningRule.class)
public class AdamRule implements GradientRule {

    static final String LR = "lr";
    static final String L2 = "l2";

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number(LR, 0.001, "1", 0.0, null, "learning rate")
            .build()
            .with(AdamSettings.MOMENT_PARAMETERS)
            .with(ParamSchema.builder()
                    .number(L2, 0.0, "1", 0.0, null, "coupled L2 penalty: l2 * w is added to the gradient of each weight (not biases)")
                    .build());

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public String description() {
        return "Adam: adaptive moment estimation with bias correction, optional coupled L2";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Optimizer optimizer(Compute compute, Params params) {
        return new AdamOptimizer(compute, AdamSettings.from(params, params.number(L2), 0));
    }
}

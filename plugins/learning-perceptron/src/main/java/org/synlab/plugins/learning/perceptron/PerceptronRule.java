package org.synlab.plugins.learning.perceptron;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Compute;
import org.synlab.api.LearningRule;
import org.synlab.api.LocalRule;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.plugins.learning.perceptron.internal.PerceptronUpdater;

/**
 * Rosenblatt's (1958) perceptron learning rule. After a forward pass over a batch, each unit's error
 * is {@code e = target - output}, and
 * <pre>
 *   W += lr * input^T e      (a weight grows when its input was active and the unit should have fired)
 *   b += lr * sum over the batch of e
 * </pre>
 * With {@code step} units the error is -1, 0 or +1, so only misclassified samples change anything.
 * By the perceptron convergence theorem (Novikoff 1962) the rule reaches zero errors in a finite
 * number of updates whenever the data are linearly separable (AND, OR), for any {@code lr > 0}; on data
 * that are not (XOR, Minsky and Papert 1969) it never settles and cycles forever.
 */
@Component(service = LearningRule.class)
public class PerceptronRule implements LocalRule {

    static final String LR = "lr";

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number(LR, 1.0, "1", 0.0, null, "learning rate: how far one error moves the weights")
            .build();

    @Override
    public String name() {
        return "perceptron";
    }

    @Override
    public String description() {
        return "Rosenblatt's perceptron rule: W += lr * x^T (target - output), for step units";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public boolean supervised() {
        return true;
    }

    @Override
    public Updater updater(Compute compute, Params params) {
        return new PerceptronUpdater(compute, (float) params.number(LR));
    }
}

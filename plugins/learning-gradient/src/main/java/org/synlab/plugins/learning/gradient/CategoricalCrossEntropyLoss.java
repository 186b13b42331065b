package org.synlab.plugins.learning.gradient;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.synlab.api.Loss;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.api.expr.Expr;

/**
 * Categorical cross-entropy, for one-hot targets with a softmax output layer: per element
 * {@code -t log p}, with {@code p} clipped into {@code [epsilon, 1 - epsilon]} as Keras does, so a
 * probability of exactly 0 gives a finite loss (and {@code 0 * log 0} never becomes NaN). Gradient
 * {@code -t / p} on the clipped {@code p}.
 *
 * <p>What the engine does with it: the reduction is {@link Reduction#SUM_OUTPUTS_MEAN_BATCH}, so the
 * batch loss sums {@link #value} over a sample's outputs and averages over the samples; each element
 * of {@link #gradient} is divided by the batch size before backpropagation. When the output layer is
 * {@code softmax}, the engine uses {@link #gradientThroughOutput} instead: with targets that sum to 1
 * per sample, the chain rule through the softmax Jacobian collapses to {@code p - t} with respect to
 * the summed input, which is both cheaper and free of the division by {@code p}.
 */
@Component(service = Loss.class)
public class CategoricalCrossEntropyLoss implements Loss {

    static final String EPSILON = "epsilon";

    private static final Expr VALUE = Expr.parse("-t * log(clip(p, epsilon, 1 - epsilon))");
    private static final Expr GRADIENT = Expr.parse("-t / clip(p, epsilon, 1 - epsilon)");
    private static final Expr THROUGH_SOFTMAX = Expr.parse("p - t");

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number(EPSILON, 1e-7, "1", 0.0, 0.5, "p is clipped into [epsilon, 1 - epsilon] before the logarithm")
            .build();

    @Override
    public String name() {
        return "categorical-cross-entropy";
    }

    @Override
    public String description() {
        return "Categorical cross-entropy -sum t log p, for one-hot targets and softmax outputs";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Expr value(Params params) {
        return VALUE.bind(epsilon(params));
    }

    @Override
    public Expr gradient(Params params) {
        return GRADIENT.bind(epsilon(params));
    }

    @Override
    public Reduction reduction() {
        return Reduction.SUM_OUTPUTS_MEAN_BATCH;
    }

    @Override
    public Expr gradientThroughOutput(String outputNeuron, Params params) {
        return "softmax".equals(outputNeuron) ? THROUGH_SOFTMAX : null;
    }

    private static Map<String, Double> epsilon(Params params) {
        return Map.of(EPSILON, params.number(EPSILON));
    }
}

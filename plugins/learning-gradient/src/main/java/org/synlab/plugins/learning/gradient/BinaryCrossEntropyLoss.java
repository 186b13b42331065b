package org.synlab.plugins.learning.gradient;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.synlab.api.Loss;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.api.expr.Expr;

/**
 * Binary cross-entropy, for 0/1 targets with sigmoid outputs (one or several independent labels): per
 * element {@code -(t log p + (1 - t) log(1 - p))}, with {@code p} first clipped into
 * {@code [epsilon, 1 - epsilon]} so that a saturated output gives a large but finite loss (Keras does
 * the same, with the same default epsilon). Gradient {@code (p - t) / (p (1 - p))} on the clipped
 * {@code p}.
 *
 * <p>What the engine does with it: the reduction is {@link Reduction#MEAN}, so the batch loss is the
 * sum of {@link #value} over all elements divided by their number, and each element of
 * {@link #gradient} is divided by that same number before backpropagation. When the output layer is
 * {@code sigmoid}, the engine uses {@link #gradientThroughOutput} instead: the derivative with respect
 * to the summed input is {@code p - t}, since the sigmoid's {@code p (1 - p)} cancels the denominator;
 * this stays exact where {@code p} saturates at 0 or 1 in float32.
 */
@Component(service = Loss.class)
public class BinaryCrossEntropyLoss implements Loss {

    static final String EPSILON = "epsilon";

    private static final Expr VALUE = Expr.parse(
            "-(t * log(clip(p, epsilon, 1 - epsilon)) + (1 - t) * log(1 - clip(p, epsilon, 1 - epsilon)))");
    private static final Expr GRADIENT = Expr.parse(
            "(clip(p, epsilon, 1 - epsilon) - t) / (clip(p, epsilon, 1 - epsilon) * (1 - clip(p, epsilon, 1 - epsilon)))");
    private static final Expr THROUGH_SIGMOID = Expr.parse("p - t");

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number(EPSILON, 1e-7, "1", 0.0, 0.5, "p is clipped into [epsilon, 1 - epsilon] before the logarithms")
            .build();

    @Override
    public String name() {
        return "binary-cross-entropy";
    }

    @Override
    public String description() {
        return "Binary cross-entropy -(t log p + (1-t) log(1-p)), for 0/1 targets and sigmoid outputs";
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
        return Reduction.MEAN;
    }

    @Override
    public Expr gradientThroughOutput(String outputNeuron, Params params) {
        return "sigmoid".equals(outputNeuron) ? THROUGH_SIGMOID : null;
    }

    private static Map<String, Double> epsilon(Params params) {
        return Map.of(EPSILON, params.number(EPSILON));
    }
}

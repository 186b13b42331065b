package org.synlab.plugins.learning.gradient.internal;

import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule.Parameter;
import org.synlab.api.Kernel;
import org.synlab.api.expr.Expr;

/**
 * One update expression compiled twice: for weights with the regularisation constant bound to its
 * value, for biases with it bound to 0, since L2 and weight decay apply to weights only.
 */
public record WeightOrBias(Kernel weights, Kernel biases) {

    /**
     * @param regularisation the name of the constant in {@code expression} that is zero for biases
     * @param constants      the other constants, bound in both kernels
     */
    public static WeightOrBias compile(Compute compute, Expr expression, String regularisation, double value,
                                       Map<String, Double> constants, String... inputs) {
        Expr bound = expression.bind(constants);
        return new WeightOrBias(
                compute.kernel(bound.bind(Map.of(regularisation, value)), inputs),
                compute.kernel(bound.bind(Map.of(regularisation, 0.0)), inputs));
    }

    public Kernel of(Parameter parameter) {
        return parameter.weight() ? weights : biases;
    }
}

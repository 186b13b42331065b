package org.synlab.plugins.learning.gradient;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Loss;
import org.synlab.api.Params;
import org.synlab.api.expr.Expr;

/**
 * Mean squared error, for regression: per element {@code (p - t)^2}, gradient {@code 2 (p - t)}.
 *
 * <p>What the engine does with it: it evaluates {@link #value} on every element of a batch's output
 * and, as the reduction is {@link Reduction#MEAN}, reports the sum divided by the number of elements
 * (batch size times outputs). It evaluates {@link #gradient} per element and divides each by that same
 * count, which makes it the exact derivative of the reported loss, then backpropagates it through the
 * output layer's activation.
 */
@Component(service = Loss.class)
public class MseLoss implements Loss {

    private static final Expr VALUE = Expr.parse("(p - t) * (p - t)");
    private static final Expr GRADIENT = Expr.parse("2 * (p - t)");

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public String description() {
        return "Mean squared error (p - t)^2, for regression";
    }

    @Override
    public Expr value(Params params) {
        return VALUE;
    }

    @Override
    public Expr gradient(Params params) {
        return GRADIENT;
    }

    @Override
    public Reduction reduction() {
        return Reduction.MEAN;
    }
}

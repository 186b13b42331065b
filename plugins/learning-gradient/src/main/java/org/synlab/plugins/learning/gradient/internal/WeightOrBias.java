package org.synlab.plugins.learning.gradient.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule.Parameter;
import org.synlab.api.Kernel;
import org.synlab.api.expr.Expr;

/**
 * One update expression compiled twice: for weights with the regularisation constant bound to its
 * value, for biases without it, since L2 and weight decay apply to weights only. A regularisation of
 * 0 means "no such term", so the terms it multiplies are removed rather than computed as
 * {@code 0 * w}: the optimiser runs over every parameter at every step, and the dropped terms were
 * about a third of Adam's arithmetic.
 */
public record WeightOrBias(Kernel weights, Kernel biases) {

    /**
     * @param regularisation the name of the constant in {@code expression} that is zero for biases
     * @param constants      the other constants, bound in both kernels
     */
    public static WeightOrBias compile(Compute compute, Expr expression, String regularisation, double value,
                                       Map<String, Double> constants, String... inputs) {
        Expr bound = expression.bind(constants);
        Expr unregularised = withoutTerm(bound, regularisation);
        return new WeightOrBias(
                compute.kernel(value == 0 ? unregularised : bound.bind(Map.of(regularisation, value)), inputs),
                compute.kernel(unregularised, inputs));
    }

    /**
     * Several updates run in one pass ({@link Compute#kernel(SequencedMap, String...)}), compiled for
     * weights and for biases as {@link #compile} does: each regularisation constant bound to its value
     * for weights (its terms removed when it is 0) and removed for biases.
     *
     * @param regularisations the constants that are zero for biases, with their values for weights
     * @param constants       the other constants, bound in both kernels
     */
    public static WeightOrBias compileUpdates(Compute compute, SequencedMap<String, Expr> updates,
                                              Map<String, Double> regularisations, Map<String, Double> constants,
                                              String... inputs) {
        SequencedMap<String, Expr> weights = new LinkedHashMap<>();
        SequencedMap<String, Expr> biases = new LinkedHashMap<>();
        updates.forEach((name, expression) -> {
            Expr forWeights = expression.bind(constants);
            Expr forBiases = forWeights;
            for (Map.Entry<String, Double> r : regularisations.entrySet()) {
                forWeights = r.getValue() == 0 ? withoutTerm(forWeights, r.getKey())
                        : forWeights.bind(Map.of(r.getKey(), r.getValue()));
                forBiases = withoutTerm(forBiases, r.getKey());
            }
            weights.put(name, forWeights);
            biases.put(name, forBiases);
        });
        return new WeightOrBias(compute.kernel(weights, inputs), compute.kernel(biases, inputs));
    }

    public Kernel of(Parameter parameter) {
        return parameter.weight() ? weights : biases;
    }

    /** The expression with every product that has {@code name} as a factor taken out of its sum. */
    static Expr withoutTerm(Expr e, String name) {
        Expr reduced = drop(e, name);
        return reduced == null ? new Expr.Num(0) : reduced;
    }

    /** Null stands for a term that vanished. */
    private static Expr drop(Expr e, String name) {
        return switch (e) {
            case Expr.Var v when v.name().equals(name) -> null;
            case Expr.Binary b when b.op() == Expr.BinaryOp.MUL -> {
                Expr left = drop(b.left(), name);
                Expr right = drop(b.right(), name);
                yield left == null || right == null ? null : new Expr.Binary(b.op(), left, right);
            }
            case Expr.Binary b when b.op() == Expr.BinaryOp.DIV && drop(b.left(), name) == null -> null;
            case Expr.Binary b when b.op() == Expr.BinaryOp.ADD || b.op() == Expr.BinaryOp.SUB -> {
                Expr left = drop(b.left(), name);
                Expr right = drop(b.right(), name);
                if (right == null) {
                    yield left;
                }
                if (left == null) {
                    yield b.op() == Expr.BinaryOp.ADD ? right : new Expr.Unary(Expr.UnaryOp.NEG, right);
                }
                yield new Expr.Binary(b.op(), left, right);
            }
            default -> e.bind(Map.of(name, 0.0));
        };
    }
}

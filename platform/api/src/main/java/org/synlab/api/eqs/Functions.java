package org.synlab.api.eqs;

import java.util.List;
import java.util.Map;
import org.synlab.api.expr.Expr;
import org.synlab.api.expr.Expr.Binary;
import org.synlab.api.expr.Expr.BinaryOp;
import org.synlab.api.expr.Expr.Call;
import org.synlab.api.expr.Expr.Function;
import org.synlab.api.expr.Expr.Num;

/**
 * The functions model equations may call, how their units behave, and how the ones that
 * {@link Expr} lacks ({@code exprel}, {@code log10}, {@code int}) are written with the ones it has.
 */
final class Functions {

    /** How a function treats the units of its arguments. */
    enum Units { DIMENSIONLESS, SAME, ROOT, TRUTH }

    record Spec(int arity, Units units) {
    }

    static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("exp", new Spec(1, Units.DIMENSIONLESS)),
            Map.entry("log", new Spec(1, Units.DIMENSIONLESS)),
            Map.entry("log10", new Spec(1, Units.DIMENSIONLESS)),
            Map.entry("exprel", new Spec(1, Units.DIMENSIONLESS)),
            Map.entry("tanh", new Spec(1, Units.DIMENSIONLESS)),
            Map.entry("sin", new Spec(1, Units.DIMENSIONLESS)),
            Map.entry("cos", new Spec(1, Units.DIMENSIONLESS)),
            Map.entry("sqrt", new Spec(1, Units.ROOT)),
            Map.entry("abs", new Spec(1, Units.SAME)),
            Map.entry("floor", new Spec(1, Units.SAME)),
            Map.entry("min", new Spec(2, Units.SAME)),
            Map.entry("max", new Spec(2, Units.SAME)),
            Map.entry("clip", new Spec(3, Units.SAME)),
            Map.entry("int", new Spec(1, Units.TRUTH)));

    /** Below this |z|, exprel uses its Taylor series: (exp(z) - 1)/z loses digits to cancellation there. */
    static final double EXPREL_SERIES_BELOW = 1e-2;

    private Functions() {
    }

    static String known() {
        return String.join(", ", SPECS.keySet().stream().sorted().toList());
    }

    /** The call lowered to {@link Expr}. */
    static Expr lower(String name, List<Expr> args) {
        return switch (name) {
            case "exprel" -> exprel(args.get(0));
            case "log10" -> new Binary(BinaryOp.DIV, new Call(Function.LOG, args), new Num(Math.log(10)));
            // comparisons already give 1 or 0
            case "int" -> args.get(0);
            default -> new Call(Function.valueOf(name.toUpperCase(java.util.Locale.ROOT)), args);
        };
    }

    /**
     * {@code (exp(z) - 1)/z}, with its value 1 at 0: {@code 1 + z/2 + z^2/6 + z^3/24} near 0 (error
     * below 1e-10 there), the quotient elsewhere.
     */
    static Expr exprel(Expr z) {
        Expr series = new Binary(BinaryOp.ADD, new Num(1), new Binary(BinaryOp.MUL, z,
                new Binary(BinaryOp.ADD, new Num(0.5), new Binary(BinaryOp.MUL, z,
                        new Binary(BinaryOp.ADD, new Num(1.0 / 6), new Binary(BinaryOp.DIV, z, new Num(24)))))));
        Expr quotient = new Binary(BinaryOp.DIV,
                new Binary(BinaryOp.SUB, new Call(Function.EXP, List.of(z)), new Num(1)), z);
        Expr small = new Binary(BinaryOp.LT, new Call(Function.ABS, List.of(z)), new Num(EXPREL_SERIES_BELOW));
        return new Expr.Conditional(small, series, quotient);
    }
}

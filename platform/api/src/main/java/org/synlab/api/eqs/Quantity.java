package org.synlab.api.eqs;

/**
 * A value with a dimension, stored in SI: {@code 20 ms} is {@code (0.02, second)}.
 *
 * @param value     the value in SI units
 * @param dimension its dimension
 */
public record Quantity(double value, Dimension dimension) {

    /**
     * Parses a quantity as a user writes it: {@code 20 ms}, {@code -65 mV}, {@code 0.02},
     * {@code 3 nS}, {@code 1*uF/cm**2}, {@code mV}.
     *
     * @throws EquationException with the column of what does not parse or is not a unit
     */
    public static Quantity parse(String text) {
        return parse("", text);
    }

    static Quantity parse(String where, String text) {
        Node node = new Parser(where, text).quantity();
        return evaluate(where, node);
    }

    /** The value of a constant expression of numbers and units. */
    static Quantity evaluate(String where, Node node) {
        return switch (node) {
            case Node.Num n -> new Quantity(n.value(), Dimension.NONE);
            case Node.Name n -> Units.lookup(n.name()).map(u -> new Quantity(u.scale(), u.dimension()))
                    .orElseThrow(() -> new EquationException(where, n.token().line(), n.token().column(),
                            "'" + n.name() + "' is not a unit"));
            case Node.Unary u when u.op().equals("-") -> {
                Quantity q = evaluate(where, u.operand());
                yield new Quantity(-q.value, q.dimension);
            }
            case Node.Binary b when b.op().equals("**") -> {
                Quantity base = evaluate(where, b.left());
                Double exponent = DimensionChecker.constant(b.right());
                if (exponent == null || exponent != Math.rint(exponent)) {
                    throw new EquationException(where, b.token().line(), b.token().column(),
                            "a unit can only be raised to a whole number");
                }
                yield new Quantity(Math.pow(base.value, exponent), base.dimension.power((int) Math.rint(exponent)));
            }
            case Node.Binary b when "+-*/".contains(b.op()) && b.op().length() == 1 -> {
                Quantity l = evaluate(where, b.left());
                Quantity r = evaluate(where, b.right());
                yield switch (b.op()) {
                    case "*" -> new Quantity(l.value * r.value, l.dimension.times(r.dimension));
                    case "/" -> new Quantity(l.value / r.value, l.dimension.divide(r.dimension));
                    default -> {
                        if (!l.dimension.equals(r.dimension)) {
                            throw new EquationException(where, b.token().line(), b.token().column(),
                                    "units do not agree: " + l.dimension + " " + b.op() + " " + r.dimension);
                        }
                        yield new Quantity(b.op().equals("+") ? l.value + r.value : l.value - r.value, l.dimension);
                    }
                };
            }
            default -> {
                Token t = node.token();
                throw new EquationException(where, t.line(), t.column(),
                        "a quantity is a number and a unit, such as '20 ms'; found " + t.describe());
            }
        };
    }

    /** The value expressed in {@code unit}, e.g. {@code 0.02 s} in {@code ms} is 20. */
    public double in(Unit unit) {
        if (!unit.dimension().equals(dimension)) {
            throw new IllegalArgumentException("cannot express " + this + " in " + unit.name());
        }
        return value / unit.scale();
    }

    @Override
    public String toString() {
        return value + (dimension.isDimensionless() ? "" : " " + dimension);
    }
}

package org.synlab.api.eqs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Computes the dimension of an expression and rejects one whose units do not agree, pointing at the
 * operator or call that mixes them. Names resolve to the model's symbols first, then to units.
 */
final class DimensionChecker {

    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");

    private final String where;
    private final Scope scope;

    DimensionChecker(String where, Scope scope) {
        this.where = where;
        this.scope = scope;
    }

    Dimension dimension(Node node) {
        return switch (node) {
            case Node.Num n -> Dimension.NONE;
            case Node.Name n -> name(n);
            case Node.Unary u -> {
                Dimension d = dimension(u.operand());
                if (u.op().equals("not") && !d.isDimensionless()) {
                    throw error(u.token(), "'not' needs a condition, got a value in " + d);
                }
                yield d;
            }
            case Node.Binary b -> binary(b);
            case Node.Call c -> call(c);
        };
    }

    private Dimension name(Node.Name n) {
        Scope.Symbol symbol = scope.get(n.name());
        if (symbol != null) {
            return symbol.dimension();
        }
        return Units.lookup(n.name()).map(Unit::dimension)
                .orElseThrow(() -> error(n.token(), "unknown identifier '" + n.name() + "'"));
    }

    private Dimension binary(Node.Binary b) {
        Dimension left = dimension(b.left());
        if (b.op().equals("**")) {
            return power(b, left);
        }
        Dimension right = dimension(b.right());
        switch (b.op()) {
            case "*":
                return left.times(right);
            case "/":
                return left.divide(right);
            case "and", "or":
                if (!left.isDimensionless() || !right.isDimensionless()) {
                    throw error(b.token(), "'" + b.token().text() + "' needs conditions on both sides, got "
                            + left + " " + b.token().text() + " " + right);
                }
                return Dimension.NONE;
            default:
                if (!left.equals(right)) {
                    throw error(b.token(), "units do not agree: " + left + " " + b.op() + " " + right);
                }
                return COMPARISONS.contains(b.op()) ? Dimension.NONE : left;
        }
    }

    private Dimension power(Node.Binary b, Dimension base) {
        Dimension exponentDim = dimension(b.right());
        if (!exponentDim.isDimensionless()) {
            throw error(b.token(), "the exponent must be dimensionless, got " + exponentDim);
        }
        if (base.isDimensionless()) {
            return base;
        }
        Double exponent = constant(b.right());
        if (exponent == null) {
            throw error(b.token(), "a value in " + base + " can only be raised to a constant number");
        }
        if (exponent != Math.rint(exponent)) {
            Dimension root = Math.rint(exponent * 2) == exponent * 2 ? base.root(2) : null;
            if (root == null) {
                throw error(b.token(), "cannot raise a value in " + base + " to the power " + exponent);
            }
            return root.power((int) Math.rint(exponent * 2));
        }
        return base.power((int) Math.rint(exponent));
    }

    private Dimension call(Node.Call c) {
        Functions.Spec spec = Functions.SPECS.get(c.function());
        if (spec == null) {
            throw error(c.token(), "unknown function '" + c.function() + "'; known: " + Functions.known());
        }
        if (c.args().size() != spec.arity()) {
            throw error(c.token(), c.function() + " takes " + spec.arity() + " argument(s), got " + c.args().size());
        }
        List<Dimension> dims = new ArrayList<>();
        for (Node a : c.args()) {
            dims.add(dimension(a));
        }
        switch (spec.units()) {
            case DIMENSIONLESS, TRUTH:
                if (!dims.get(0).isDimensionless()) {
                    throw error(c.token(), "the argument of " + c.function() + " must be dimensionless, got " + dims.get(0));
                }
                return Dimension.NONE;
            case ROOT:
                Dimension root = dims.get(0).root(2);
                if (root == null) {
                    throw error(c.token(), "cannot take the square root of a value in " + dims.get(0));
                }
                return root;
            default:
                for (int k = 1; k < dims.size(); k++) {
                    if (!dims.get(k).equals(dims.get(0))) {
                        throw error(c.token(), "units do not agree in " + c.function() + ": " + dims.get(0)
                                + " and " + dims.get(k));
                    }
                }
                return dims.get(0);
        }
    }

    /** The value of a plain numeric expression ({@code 2}, {@code -1}, {@code 1/2}), or {@code null}. */
    static Double constant(Node node) {
        return switch (node) {
            case Node.Num n -> n.value();
            case Node.Unary u when u.op().equals("-") -> {
                Double v = constant(u.operand());
                yield v == null ? null : -v;
            }
            case Node.Binary b when Set.of("+", "-", "*", "/").contains(b.op()) -> {
                Double l = constant(b.left());
                Double r = constant(b.right());
                if (l == null || r == null) {
                    yield null;
                }
                yield switch (b.op()) {
                    case "+" -> l + r;
                    case "-" -> l - r;
                    case "*" -> l * r;
                    default -> l / r;
                };
            }
            default -> null;
        };
    }

    /** The leftmost token of an expression: where a message about the whole expression points. */
    static Token first(Node node) {
        return switch (node) {
            case Node.Binary b -> first(b.left());
            default -> node.token();
        };
    }

    private EquationException error(Token at, String problem) {
        return new EquationException(where, at.line(), at.column(), problem);
    }
}

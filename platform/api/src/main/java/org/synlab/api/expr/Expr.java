package org.synlab.api.expr;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * An immutable expression tree. Parse with {@link #parse}, bind parameters with {@link #bind}, hand
 * it to a backend's {@code Compute.kernel}. {@link #evaluate} is the double-precision reference
 * semantics every backend must match.
 */
public sealed interface Expr {

    /** Parses the expression syntax described in the package documentation. */
    static Expr parse(String source) {
        return new ExprParser(source).parse();
    }

    /** The variables it reads, in order of first appearance. */
    default Set<String> variables() {
        Set<String> out = new LinkedHashSet<>();
        collectVariables(this, out);
        return out;
    }

    /** Replaces the named variables by constants (e.g. a neuron's parameters). */
    default Expr bind(Map<String, Double> constants) {
        return switch (this) {
            case Num n -> n;
            case Var v -> constants.containsKey(v.name()) ? new Num(constants.get(v.name())) : v;
            case Unary u -> new Unary(u.op(), u.operand().bind(constants));
            case Binary b -> new Binary(b.op(), b.left().bind(constants), b.right().bind(constants));
            case Call c -> new Call(c.function(), c.args().stream().map(a -> a.bind(constants)).toList());
            case Conditional c -> new Conditional(c.condition().bind(constants), c.then().bind(constants),
                    c.otherwise().bind(constants));
        };
    }

    /**
     * Checks that the expression reads only the given variables.
     *
     * @param what names the expression in the error message, e.g. "activation"
     * @throws IllegalArgumentException naming the unexpected variable
     */
    default Expr requireVariables(String what, String... allowed) {
        List<String> ok = Arrays.asList(allowed);
        for (String v : variables()) {
            if (!ok.contains(v)) {
                throw new IllegalArgumentException(what + " '" + this + "' uses unknown variable '" + v
                        + "'; it may use only " + String.join(", ", ok));
            }
        }
        return this;
    }

    /** Evaluates in double precision, looking variables up with {@code vars}. */
    default double evaluate(ToDoubleFunction<String> vars) {
        return switch (this) {
            case Num n -> n.value();
            case Var v -> vars.applyAsDouble(v.name());
            case Unary u -> u.op().apply(u.operand().evaluate(vars));
            case Binary b -> b.op().apply(b.left().evaluate(vars), b.right().evaluate(vars));
            case Call c -> c.function().apply(c.args().stream().mapToDouble(a -> a.evaluate(vars)).toArray());
            case Conditional c -> c.condition().evaluate(vars) != 0 ? c.then().evaluate(vars) : c.otherwise().evaluate(vars);
        };
    }

    private static void collectVariables(Expr e, Set<String> out) {
        switch (e) {
            case Num n -> { }
            case Var v -> out.add(v.name());
            case Unary u -> collectVariables(u.operand(), out);
            case Binary b -> {
                collectVariables(b.left(), out);
                collectVariables(b.right(), out);
            }
            case Call c -> c.args().forEach(a -> collectVariables(a, out));
            case Conditional c -> {
                collectVariables(c.condition(), out);
                collectVariables(c.then(), out);
                collectVariables(c.otherwise(), out);
            }
        }
    }

    /** A constant. */
    record Num(double value) implements Expr {
        @Override
        public String toString() {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }
    }

    /** A variable: an input of a kernel or a parameter still to bind. */
    record Var(String name) implements Expr {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code -a} or {@code !a}. */
    record Unary(UnaryOp op, Expr operand) implements Expr {
        @Override
        public String toString() {
            return op.symbol + "(" + operand + ")";
        }
    }

    /** A binary operator. */
    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
        @Override
        public String toString() {
            return "(" + left + " " + op.symbol + " " + right + ")";
        }
    }

    /** A function call. */
    record Call(Function function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return function.name().toLowerCase() + "(" + String.join(", ", args.stream().map(Expr::toString).toList()) + ")";
        }
    }

    /** {@code condition ? then : otherwise}; the condition is true when non-zero. */
    record Conditional(Expr condition, Expr then, Expr otherwise) implements Expr {
        @Override
        public String toString() {
            return "(" + condition + " ? " + then + " : " + otherwise + ")";
        }
    }

    enum UnaryOp {
        NEG("-"), NOT("!");

        final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }

        public double apply(double a) {
            return this == NEG ? -a : (a == 0 ? 1 : 0);
        }
    }

    enum BinaryOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^"),
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="), AND("&&"), OR("||");

        final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public double apply(double a, double b) {
            return switch (this) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
                case POW -> Math.pow(a, b);
                case LT -> a < b ? 1 : 0;
                case LE -> a <= b ? 1 : 0;
                case GT -> a > b ? 1 : 0;
                case GE -> a >= b ? 1 : 0;
                case EQ -> a == b ? 1 : 0;
                case NE -> a != b ? 1 : 0;
                case AND -> a != 0 && b != 0 ? 1 : 0;
                case OR -> a != 0 || b != 0 ? 1 : 0;
            };
        }
    }

    enum Function {
        EXP(1), LOG(1), SQRT(1), ABS(1), TANH(1), SIN(1), COS(1), FLOOR(1), MIN(2), MAX(2), POW(2), CLIP(3);

        private final int arity;

        Function(int arity) {
            this.arity = arity;
        }

        public int arity() {
            return arity;
        }

        public double apply(double... a) {
            return switch (this) {
                case EXP -> Math.exp(a[0]);
                case LOG -> Math.log(a[0]);
                case SQRT -> Math.sqrt(a[0]);
                case ABS -> Math.abs(a[0]);
                case TANH -> Math.tanh(a[0]);
                case SIN -> Math.sin(a[0]);
                case COS -> Math.cos(a[0]);
                case FLOOR -> Math.floor(a[0]);
                case MIN -> Math.min(a[0], a[1]);
                case MAX -> Math.max(a[0], a[1]);
                case POW -> Math.pow(a[0], a[1]);
                case CLIP -> Math.min(Math.max(a[0], a[1]), a[2]);
            };
        }
    }
}

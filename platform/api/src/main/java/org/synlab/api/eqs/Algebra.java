package org.synlab.api.eqs;

import java.util.List;
import java.util.Map;
import org.synlab.api.expr.Expr;
import org.synlab.api.expr.Expr.Binary;
import org.synlab.api.expr.Expr.BinaryOp;
import org.synlab.api.expr.Expr.Call;
import org.synlab.api.expr.Expr.Conditional;
import org.synlab.api.expr.Expr.Function;
import org.synlab.api.expr.Expr.Num;
import org.synlab.api.expr.Expr.Unary;
import org.synlab.api.expr.Expr.UnaryOp;
import org.synlab.api.expr.Expr.Var;

/**
 * Symbolic operations on {@link Expr}: substitution, simplification (constant folding and the
 * identities of 0 and 1) and the derivative. Enough to find whether a right-hand side is linear in
 * its variable, which exponential Euler needs, and to fold bound parameters into constants.
 */
public final class Algebra {

    private static final Num ZERO = new Num(0);
    private static final Num ONE = new Num(1);

    private Algebra() {
    }

    /** Replaces each variable named in {@code by} by its expression. */
    public static Expr substitute(Expr e, Map<String, Expr> by) {
        return switch (e) {
            case Num n -> n;
            case Var v -> by.getOrDefault(v.name(), v);
            case Unary u -> new Unary(u.op(), substitute(u.operand(), by));
            case Binary b -> new Binary(b.op(), substitute(b.left(), by), substitute(b.right(), by));
            case Call c -> new Call(c.function(), c.args().stream().map(a -> substitute(a, by)).toList());
            case Conditional c -> new Conditional(substitute(c.condition(), by), substitute(c.then(), by),
                    substitute(c.otherwise(), by));
        };
    }

    /**
     * Folds constants and removes additions of 0 and multiplications by 1 or 0. Multiplying by 0
     * gives 0 even where the other factor could be infinite: the result is meant for code whose
     * values are finite.
     */
    public static Expr simplify(Expr e) {
        return switch (e) {
            case Num n -> n;
            case Var v -> v;
            case Unary u -> unary(u.op(), simplify(u.operand()));
            case Binary b -> binary(b.op(), simplify(b.left()), simplify(b.right()));
            case Call c -> {
                List<Expr> args = c.args().stream().map(Algebra::simplify).toList();
                yield args.stream().allMatch(a -> a instanceof Num)
                        ? new Num(c.function().apply(args.stream().mapToDouble(a -> ((Num) a).value()).toArray()))
                        : new Call(c.function(), args);
            }
            case Conditional c -> {
                Expr cond = simplify(c.condition());
                Expr then = simplify(c.then());
                Expr otherwise = simplify(c.otherwise());
                if (cond instanceof Num n) {
                    yield n.value() != 0 ? then : otherwise;
                }
                yield then.equals(otherwise) ? then : new Conditional(cond, then, otherwise);
            }
        };
    }

    private static Expr unary(UnaryOp op, Expr a) {
        if (a instanceof Num n) {
            return new Num(op.apply(n.value()));
        }
        if (op == UnaryOp.NEG && a instanceof Unary inner && inner.op() == UnaryOp.NEG) {
            return inner.operand();
        }
        return new Unary(op, a);
    }

    private static Expr binary(BinaryOp op, Expr a, Expr b) {
        if (a instanceof Num x && b instanceof Num y) {
            return new Num(op.apply(x.value(), y.value()));
        }
        switch (op) {
            case ADD:
                if (isZero(a)) {
                    return b;
                }
                if (isZero(b)) {
                    return a;
                }
                if (b instanceof Unary u && u.op() == UnaryOp.NEG) {
                    return binary(BinaryOp.SUB, a, u.operand());
                }
                break;
            case SUB:
                if (isZero(b)) {
                    return a;
                }
                if (isZero(a)) {
                    return unary(UnaryOp.NEG, b);
                }
                break;
            case MUL:
                if (isZero(a) || isZero(b)) {
                    return ZERO;
                }
                if (isOne(a)) {
                    return b;
                }
                if (isOne(b)) {
                    return a;
                }
                if (a instanceof Num n && n.value() == -1) {
                    return unary(UnaryOp.NEG, b);
                }
                if (b instanceof Num n && n.value() == -1) {
                    return unary(UnaryOp.NEG, a);
                }
                break;
            case DIV:
                if (isZero(a)) {
                    return ZERO;
                }
                if (isOne(b)) {
                    return a;
                }
                break;
            case POW:
                if (isOne(b)) {
                    return a;
                }
                if (isZero(b)) {
                    return ONE;
                }
                // v*v is exact and far cheaper than pow(v, 2) in generated code
                if (a instanceof Var && b instanceof Num n && n.value() == 2) {
                    return new Binary(BinaryOp.MUL, a, a);
                }
                break;
            default:
                break;
        }
        return new Binary(op, a, b);
    }

    private static boolean isZero(Expr e) {
        return e instanceof Num n && n.value() == 0;
    }

    private static boolean isOne(Expr e) {
        return e instanceof Num n && n.value() == 1;
    }

    /** The derivative of {@code e} with respect to the variable {@code x}, simplified. */
    public static Expr derivative(Expr e, String x) {
        return simplify(d(e, x));
    }

    private static Expr d(Expr e, String x) {
        return switch (e) {
            case Num n -> ZERO;
            case Var v -> v.name().equals(x) ? ONE : ZERO;
            case Unary u -> u.op() == UnaryOp.NEG ? new Unary(UnaryOp.NEG, d(u.operand(), x)) : ZERO;
            case Binary b -> binaryDerivative(b, x);
            case Call c -> callDerivative(c, x);
            case Conditional c -> new Conditional(c.condition(), d(c.then(), x), d(c.otherwise(), x));
        };
    }

    private static Expr binaryDerivative(Binary b, String x) {
        Expr u = b.left();
        Expr w = b.right();
        return switch (b.op()) {
            case ADD -> add(d(u, x), d(w, x));
            case SUB -> sub(d(u, x), d(w, x));
            case MUL -> add(mul(d(u, x), w), mul(u, d(w, x)));
            case DIV -> sub(div(d(u, x), w), div(mul(u, d(w, x)), mul(w, w)));
            case POW -> power(u, w, x);
            // comparisons and logic are piecewise constant
            default -> ZERO;
        };
    }

    private static Expr power(Expr u, Expr w, String x) {
        if (!w.variables().contains(x)) {
            return mul(mul(w, new Binary(BinaryOp.POW, u, sub(w, ONE))), d(u, x));
        }
        // d(u^w) = u^w * (w' ln u + w u'/u)
        return mul(new Binary(BinaryOp.POW, u, w),
                add(mul(d(w, x), call(Function.LOG, u)), div(mul(w, d(u, x)), u)));
    }

    private static Expr callDerivative(Call c, String x) {
        Expr a = c.args().get(0);
        Expr da = d(a, x);
        return switch (c.function()) {
            case EXP -> mul(c, da);
            case LOG -> div(da, a);
            case SQRT -> div(da, mul(new Num(2), c));
            case ABS -> new Conditional(new Binary(BinaryOp.GE, a, ZERO), da, new Unary(UnaryOp.NEG, da));
            case TANH -> mul(sub(ONE, mul(c, c)), da);
            case SIN -> mul(call(Function.COS, a), da);
            case COS -> new Unary(UnaryOp.NEG, mul(call(Function.SIN, a), da));
            case FLOOR -> ZERO;
            case MIN -> new Conditional(new Binary(BinaryOp.LE, a, c.args().get(1)), da, d(c.args().get(1), x));
            case MAX -> new Conditional(new Binary(BinaryOp.GE, a, c.args().get(1)), da, d(c.args().get(1), x));
            case POW -> power(a, c.args().get(1), x);
            case CLIP -> new Conditional(new Binary(BinaryOp.LT, a, c.args().get(1)), d(c.args().get(1), x),
                    new Conditional(new Binary(BinaryOp.GT, a, c.args().get(2)), d(c.args().get(2), x), da));
        };
    }

    static Expr add(Expr a, Expr b) {
        return new Binary(BinaryOp.ADD, a, b);
    }

    static Expr sub(Expr a, Expr b) {
        return new Binary(BinaryOp.SUB, a, b);
    }

    static Expr mul(Expr a, Expr b) {
        return new Binary(BinaryOp.MUL, a, b);
    }

    static Expr div(Expr a, Expr b) {
        return new Binary(BinaryOp.DIV, a, b);
    }

    private static Expr call(Function f, Expr a) {
        return new Call(f, List.of(a));
    }
}

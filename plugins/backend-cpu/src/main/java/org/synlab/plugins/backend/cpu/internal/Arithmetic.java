package org.synlab.plugins.backend.cpu.internal;

import org.synlab.api.expr.Expr;

/**
 * The four arithmetic operators, with a constant operand baked into the node: {@code x * 0.5} and
 * {@code 1 - x} are the bulk of neuron and learning-rule expressions, and this saves a virtual call
 * per element for each.
 */
final class Arithmetic {

    private Arithmetic() {
    }

    static FloatNode of(Expr.BinaryOp op, FloatNode l, FloatNode r) {
        if (r instanceof Constant k && !(l instanceof Constant)) {
            float c = k.value();
            return switch (op) {
                case ADD -> x -> l.eval(x) + c;
                case SUB -> x -> l.eval(x) - c;
                case MUL -> x -> l.eval(x) * c;
                case DIV -> x -> l.eval(x) / c;
                default -> throw new IllegalArgumentException("not arithmetic: " + op);
            };
        }
        if (l instanceof Constant k && !(r instanceof Constant)) {
            float c = k.value();
            return switch (op) {
                case ADD -> x -> c + r.eval(x);
                case SUB -> x -> c - r.eval(x);
                case MUL -> x -> c * r.eval(x);
                case DIV -> x -> c / r.eval(x);
                default -> throw new IllegalArgumentException("not arithmetic: " + op);
            };
        }
        return switch (op) {
            case ADD -> x -> l.eval(x) + r.eval(x);
            case SUB -> x -> l.eval(x) - r.eval(x);
            case MUL -> x -> l.eval(x) * r.eval(x);
            case DIV -> x -> l.eval(x) / r.eval(x);
            default -> throw new IllegalArgumentException("not arithmetic: " + op);
        };
    }
}

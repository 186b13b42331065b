package org.synlab.api.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Recursive-descent parser for {@link Expr}; precedence from loosest: ?:, ||, &&, comparisons, + -, * /, unary, ^. */
final class ExprParser {

    private final String src;
    private int pos;

    ExprParser(String src) {
        if (src == null) {
            throw new ExprSyntaxException("", 1, "empty expression");
        }
        this.src = src;
    }

    Expr parse() {
        Expr e = conditional();
        skipSpace();
        if (pos < src.length()) {
            throw error("unexpected '" + src.charAt(pos) + "'");
        }
        return e;
    }

    private Expr conditional() {
        Expr cond = or();
        if (accept("?")) {
            Expr then = conditional();
            expect(":");
            Expr otherwise = conditional();
            return new Expr.Conditional(cond, then, otherwise);
        }
        return cond;
    }

    private Expr or() {
        Expr left = and();
        while (accept("||")) {
            left = new Expr.Binary(Expr.BinaryOp.OR, left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = comparison();
        while (accept("&&")) {
            left = new Expr.Binary(Expr.BinaryOp.AND, left, comparison());
        }
        return left;
    }

    private Expr comparison() {
        Expr left = additive();
        for (Expr.BinaryOp op : List.of(Expr.BinaryOp.LE, Expr.BinaryOp.GE, Expr.BinaryOp.EQ, Expr.BinaryOp.NE,
                Expr.BinaryOp.LT, Expr.BinaryOp.GT)) {
            if (accept(op.symbol())) {
                return new Expr.Binary(op, left, additive());
            }
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (true) {
            if (accept("+")) {
                left = new Expr.Binary(Expr.BinaryOp.ADD, left, multiplicative());
            } else if (accept("-")) {
                left = new Expr.Binary(Expr.BinaryOp.SUB, left, multiplicative());
            } else {
                return left;
            }
        }
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (true) {
            if (accept("*")) {
                left = new Expr.Binary(Expr.BinaryOp.MUL, left, unary());
            } else if (accept("/")) {
                left = new Expr.Binary(Expr.BinaryOp.DIV, left, unary());
            } else {
                return left;
            }
        }
    }

    private Expr unary() {
        if (accept("-")) {
            return new Expr.Unary(Expr.UnaryOp.NEG, unary());
        }
        if (accept("+")) {
            return unary();
        }
        if (peek("!") && !peek("!=")) {
            accept("!");
            return new Expr.Unary(Expr.UnaryOp.NOT, unary());
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        if (accept("^")) {
            return new Expr.Binary(Expr.BinaryOp.POW, base, unary());
        }
        return base;
    }

    private Expr primary() {
        skipSpace();
        if (pos >= src.length()) {
            throw error("expression ends too early");
        }
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = conditional();
            expect(")");
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            String name = src.substring(start, pos);
            if (accept("(")) {
                return call(name, start);
            }
            return new Expr.Var(name);
        }
        throw error("unexpected '" + c + "'");
    }

    private Expr call(String name, int start) {
        Expr.Function function;
        try {
            function = Expr.Function.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            pos = start;
            throw error("unknown function '" + name + "'");
        }
        List<Expr> args = new ArrayList<>();
        if (!accept(")")) {
            do {
                args.add(conditional());
            } while (accept(","));
            expect(")");
        }
        if (args.size() != function.arity()) {
            pos = start;
            throw error(name + " takes " + function.arity() + " argument(s), got " + args.size());
        }
        return new Expr.Call(function, args);
    }

    private Expr number() {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        try {
            return new Expr.Num(Double.parseDouble(src.substring(start, pos)));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + src.substring(start, Math.max(start + 1, pos)) + "'");
        }
    }

    private boolean peek(String token) {
        skipSpace();
        return src.startsWith(token, pos);
    }

    private boolean accept(String token) {
        if (peek(token)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error(pos >= src.length() ? "expected '" + token + "' but the expression ends"
                    : "expected '" + token + "'");
        }
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private ExprSyntaxException error(String problem) {
        return new ExprSyntaxException(src, pos + 1, problem);
    }
}

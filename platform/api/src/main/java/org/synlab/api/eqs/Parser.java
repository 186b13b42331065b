package org.synlab.api.eqs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for Brian2's model syntax: expressions (Python precedence, {@code **} for
 * powers, {@code and or not}), equation lines, and statements such as a reset.
 */
final class Parser {

    /** One line of the equations, before its units are checked. */
    record EquationLine(Kind kind, Token name, Node rhs, Node unit, Set<String> flags) {
        enum Kind { DIFFERENTIAL, SUBEXPRESSION, DECLARATION }
    }

    /** {@code target op value}, e.g. {@code w += b}. */
    record StatementLine(Token target, String op, Node value) {
    }

    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");
    private static final Set<String> ASSIGNMENTS = Set.of("=", "+=", "-=", "*=", "/=");
    static final Set<String> FLAGS = Set.of("unless refractory", "constant");

    private final String where;
    private final List<Token> tokens;
    private int i;
    private boolean calls = true;

    Parser(String where, String src) {
        this.where = where;
        this.tokens = new Lexer(where, src).tokens();
    }

    /** The whole text as one expression (a threshold, a refractory period). */
    Node singleExpression() {
        skipNewlines();
        if (peek().kind() == Token.Kind.END) {
            throw error(peek(), "empty expression");
        }
        Node e = expression();
        skipNewlines();
        expectEnd();
        return e;
    }

    /** Equation lines: {@code dx/dt = rhs : unit (flags)}, {@code x = rhs : unit}, {@code x : unit}. */
    List<EquationLine> equations() {
        List<EquationLine> out = new ArrayList<>();
        skipNewlines();
        while (peek().kind() != Token.Kind.END) {
            out.add(equation());
            if (peek().kind() != Token.Kind.END) {
                expectLineEnd();
            }
            skipNewlines();
        }
        return out;
    }

    /** Statements separated by {@code ;} or line breaks. */
    List<StatementLine> statements() {
        List<StatementLine> out = new ArrayList<>();
        skipSeparators();
        while (peek().kind() != Token.Kind.END) {
            Token target = next();
            if (target.kind() != Token.Kind.NAME) {
                throw error(target, "expected a variable to assign to, found " + target.describe());
            }
            Token op = next();
            if (op.kind() != Token.Kind.SYMBOL || !ASSIGNMENTS.contains(op.text())) {
                throw error(op, "expected '=', '+=', '-=', '*=' or '/=' after '" + target.text() + "', found " + op.describe());
            }
            out.add(new StatementLine(target, op.text(), expression()));
            Token end = peek();
            if (!(end.is(";") || end.kind() == Token.Kind.NEWLINE || end.kind() == Token.Kind.END)) {
                throw error(end, "expected ';' or the end of the statement, found " + end.describe());
            }
            skipSeparators();
        }
        return out;
    }

    /** A unit as in a declaration: {@code volt}, {@code siemens/meter**2}, {@code 1}. */
    Node unitOnly() {
        Node unit = expression();
        expectEnd();
        return unit;
    }

    /**
     * A quantity as a user writes it: {@code 20 ms}, {@code -65 mV}, {@code 0.02}, {@code 1*uF/cm**2};
     * a number followed directly by a unit multiplies.
     */
    Node quantity() {
        int start = i;
        boolean negative = false;
        if (peek().is("-") || peek().is("+")) {
            negative = next().is("-");
        }
        if (peek().kind() == Token.Kind.NUMBER
                && (tokens.get(i + 1).kind() == Token.Kind.NAME || tokens.get(i + 1).is("("))) {
            Token number = next();
            Node value = new Node.Num(Double.parseDouble(number.text()), number);
            if (negative) {
                value = new Node.Unary("-", value, tokens.get(start));
            }
            Node unit = expression();
            expectEnd();
            return new Node.Binary("*", value, unit, number);
        }
        i = start;
        return unitOnly();
    }

    /** A quantity ({@code 5 ms}) or an expression ({@code tau_ref}, {@code 2*tau + 1*ms}). */
    Node quantityOrExpression() {
        return quantity();
    }

    private EquationLine equation() {
        Token first = next();
        if (first.kind() != Token.Kind.NAME) {
            throw error(first, "expected an equation such as 'dv/dt = ... : volt', found " + first.describe());
        }
        if (first.text().length() > 1 && first.text().startsWith("d") && peek().is("/")
                && tokens.get(i + 1).isName("dt") && tokens.get(i + 2).is("=")) {
            i += 3;
            Token name = new Token(Token.Kind.NAME, first.text().substring(1), first.line(), first.column() + 1);
            Node rhs = expression();
            return finish(EquationLine.Kind.DIFFERENTIAL, name, rhs);
        }
        if (peek().is("=")) {
            next();
            Node rhs = expression();
            return finish(EquationLine.Kind.SUBEXPRESSION, first, rhs);
        }
        if (peek().is(":")) {
            return finish(EquationLine.Kind.DECLARATION, first, null);
        }
        throw error(peek(), "expected '=' or ':' after '" + first.text() + "', found " + peek().describe());
    }

    private EquationLine finish(EquationLine.Kind kind, Token name, Node rhs) {
        Token colon = next();
        if (!colon.is(":")) {
            throw error(colon, "expected ':' and the unit of '" + name.text() + "', found " + colon.describe());
        }
        Token unitStart = peek();
        Node unit;
        if (unitStart.isName("boolean") || unitStart.isName("integer")) {
            next();
            unit = new Node.Num(1, unitStart);
        } else {
            // in a unit, '(' after a name opens the flags, not a call
            calls = false;
            try {
                unit = expression();
            } finally {
                calls = true;
            }
        }
        Set<String> flags = new LinkedHashSet<>();
        if (peek().is("(")) {
            next();
            do {
                Token flagStart = peek();
                StringBuilder flag = new StringBuilder();
                while (peek().kind() == Token.Kind.NAME) {
                    flag.append(flag.isEmpty() ? "" : " ").append(next().text());
                }
                if (!FLAGS.contains(flag.toString())) {
                    throw error(flagStart, "unknown flag '" + flag + "'; known flags: unless refractory, constant");
                }
                flags.add(flag.toString());
            } while (accept(","));
            Token close = next();
            if (!close.is(")")) {
                throw error(close, "expected ')' after the flags, found " + close.describe());
            }
        }
        return new EquationLine(kind, name, rhs, unit, flags);
    }

    // ---- expressions, loosest first ----

    Node expression() {
        return or();
    }

    private Node or() {
        Node left = and();
        while (peek().isName("or") || peek().is("||")) {
            Token op = next();
            left = new Node.Binary("or", left, and(), op);
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (peek().isName("and") || peek().is("&&")) {
            Token op = next();
            left = new Node.Binary("and", left, not(), op);
        }
        return left;
    }

    private Node not() {
        if (peek().isName("not") || peek().is("!")) {
            Token op = next();
            return new Node.Unary("not", not(), op);
        }
        return comparison();
    }

    private Node comparison() {
        Node left = additive();
        if (peek().kind() == Token.Kind.SYMBOL && COMPARISONS.contains(peek().text())) {
            Token op = next();
            left = new Node.Binary(op.text(), left, additive(), op);
            if (peek().kind() == Token.Kind.SYMBOL && COMPARISONS.contains(peek().text())) {
                throw error(peek(), "chained comparisons are not supported; combine them with 'and'");
            }
        }
        return left;
    }

    private Node additive() {
        Node left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            Token op = next();
            left = new Node.Binary(op.text(), left, multiplicative(), op);
        }
        return left;
    }

    private Node multiplicative() {
        Node left = unary();
        while (peek().is("*") || peek().is("/")) {
            Token op = next();
            left = new Node.Binary(op.text(), left, unary(), op);
        }
        return left;
    }

    private Node unary() {
        if (peek().is("-") || peek().is("+")) {
            Token op = next();
            Node operand = unary();
            return op.is("-") ? new Node.Unary("-", operand, op) : operand;
        }
        return power();
    }

    private Node power() {
        Node base = primary();
        if (peek().is("**") || peek().is("^")) {
            Token op = next();
            // the exponent may carry a sign: mV**-1
            return new Node.Binary("**", base, unary(), op);
        }
        return base;
    }

    private Node primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Node.Num(Double.parseDouble(t.text()), t);
            case NAME:
                if (calls && peek().is("(")) {
                    next();
                    List<Node> args = new ArrayList<>();
                    if (!peek().is(")")) {
                        do {
                            args.add(expression());
                        } while (accept(","));
                    }
                    Token close = next();
                    if (!close.is(")")) {
                        throw error(close, "expected ')' to close the call of '" + t.text() + "', found " + close.describe());
                    }
                    return new Node.Call(t.text(), args, t);
                }
                return new Node.Name(t.text(), t);
            case SYMBOL:
                if (t.is("(")) {
                    Node inner = expression();
                    Token close = next();
                    if (!close.is(")")) {
                        throw error(close, "expected ')', found " + close.describe());
                    }
                    return inner;
                }
                throw error(t, "unexpected " + t.describe());
            default:
                throw error(t, "expression ends too early: found " + t.describe());
        }
    }

    // ---- token helpers ----

    private Token peek() {
        return tokens.get(i);
    }

    private Token next() {
        Token t = tokens.get(i);
        if (t.kind() != Token.Kind.END) {
            i++;
        }
        return t;
    }

    private boolean accept(String symbol) {
        if (peek().is(symbol)) {
            i++;
            return true;
        }
        return false;
    }

    private void skipNewlines() {
        while (peek().kind() == Token.Kind.NEWLINE) {
            i++;
        }
    }

    private void skipSeparators() {
        while (peek().kind() == Token.Kind.NEWLINE || peek().is(";")) {
            i++;
        }
    }

    private void expectEnd() {
        if (peek().kind() != Token.Kind.END) {
            throw error(peek(), "unexpected " + peek().describe());
        }
    }

    private void expectLineEnd() {
        if (peek().kind() != Token.Kind.NEWLINE) {
            throw error(peek(), "unexpected " + peek().describe() + "; an equation ends at the end of its line");
        }
    }

    private EquationException error(Token at, String problem) {
        return new EquationException(where, at.line(), at.column(), problem);
    }
}

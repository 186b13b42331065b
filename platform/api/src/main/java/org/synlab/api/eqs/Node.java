package org.synlab.api.eqs;

import java.util.List;

/**
 * The syntax tree of one expression as written, with the position of each node's token, so that a
 * unit error can point at the operator that mixes the units. Lowered to {@link org.synlab.api.expr.Expr}
 * by {@link Lowering} once it is checked.
 */
sealed interface Node {

    Token token();

    /** A number literal. */
    record Num(double value, Token token) implements Node {
    }

    /** A name: a variable, a parameter, a unit, {@code t} or {@code dt}. */
    record Name(String name, Token token) implements Node {
    }

    /** {@code -a}, {@code not a}. */
    record Unary(String op, Node operand, Token token) implements Node {
    }

    /** {@code a op b}; {@code op} is {@code + - * / ** < <= > >= == != and or}. */
    record Binary(String op, Node left, Node right, Token token) implements Node {
    }

    /** {@code f(args)}. */
    record Call(String function, List<Node> args, Token token) implements Node {
        public Call {
            args = List.copyOf(args);
        }
    }
}

package org.synlab.api.eqs;

import java.util.List;
import org.synlab.api.expr.Expr;
import org.synlab.api.expr.Expr.Binary;
import org.synlab.api.expr.Expr.BinaryOp;
import org.synlab.api.expr.Expr.Num;
import org.synlab.api.expr.Expr.Unary;
import org.synlab.api.expr.Expr.UnaryOp;
import org.synlab.api.expr.Expr.Var;

/**
 * Turns a checked syntax tree into an {@link Expr} over SI values: a unit name becomes its scale
 * ({@code mV} is 0.001), every model name stays a variable.
 */
final class Lowering {

    private final Scope scope;

    Lowering(Scope scope) {
        this.scope = scope;
    }

    Expr lower(Node node) {
        return switch (node) {
            case Node.Num n -> new Num(n.value());
            case Node.Name n -> scope.has(n.name()) ? new Var(n.name())
                    : new Num(Units.lookup(n.name()).orElseThrow().scale());
            case Node.Unary u -> new Unary(u.op().equals("-") ? UnaryOp.NEG : UnaryOp.NOT, lower(u.operand()));
            case Node.Binary b -> new Binary(op(b.op()), lower(b.left()), lower(b.right()));
            case Node.Call c -> Functions.lower(c.function(), c.args().stream().map(this::lower).toList());
        };
    }

    List<Expr> lowerAll(List<Node> nodes) {
        return nodes.stream().map(this::lower).toList();
    }

    private static BinaryOp op(String op) {
        return switch (op) {
            case "+" -> BinaryOp.ADD;
            case "-" -> BinaryOp.SUB;
            case "*" -> BinaryOp.MUL;
            case "/" -> BinaryOp.DIV;
            case "**" -> BinaryOp.POW;
            case "<" -> BinaryOp.LT;
            case "<=" -> BinaryOp.LE;
            case ">" -> BinaryOp.GT;
            case ">=" -> BinaryOp.GE;
            case "==" -> BinaryOp.EQ;
            case "!=" -> BinaryOp.NE;
            case "and" -> BinaryOp.AND;
            case "or" -> BinaryOp.OR;
            default -> throw new IllegalStateException("operator " + op);
        };
    }
}

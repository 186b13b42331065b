package org.synlab.api.eqs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.expr.Expr;

/**
 * Hoists repeated subtrees of consecutive local statements into locals of their own. Integration
 * repeats a lot: exponential Euler writes each right-hand side, its slope and {@code exprel} of the
 * slope, and every subexpression (a rate function of HH) is substituted wherever it is used. The
 * hoisted program computes the same doubles in the same order, only once.
 */
final class CommonSubexpressions {

    /** Smaller repeated trees ({@code v - El}) are not worth a local. */
    private static final int MIN_SIZE = 4;

    static final String PREFIX = "_c";

    private int next;

    /** The statements with repeated subtrees of each run of locals hoisted. */
    List<Assignment> eliminate(List<Assignment> statements) {
        List<Assignment> out = new ArrayList<>();
        List<Assignment> run = new ArrayList<>();
        for (Assignment a : statements) {
            if (a.local()) {
                run.add(a);
            } else {
                out.addAll(hoist(run));
                run.clear();
                out.add(a);
            }
        }
        out.addAll(hoist(run));
        return out;
    }

    /**
     * Within a run of locals no program variable changes, so equal trees have equal values. A hoisted
     * tree goes right before its first use; the locals it reads are assigned before that use.
     */
    private List<Assignment> hoist(List<Assignment> run) {
        List<Assignment> block = new ArrayList<>(run);
        while (true) {
            Map<Expr, Integer> counts = new HashMap<>();
            for (Assignment a : block) {
                count(a.value(), counts);
            }
            Expr best = null;
            int bestSize = 0;
            for (Map.Entry<Expr, Integer> e : counts.entrySet()) {
                int size = size(e.getKey());
                if (e.getValue() >= 2 && size >= MIN_SIZE && size > bestSize) {
                    best = e.getKey();
                    bestSize = size;
                }
            }
            if (best == null) {
                return block;
            }
            Expr.Var local = new Expr.Var(PREFIX + next++);
            int first = -1;
            for (int i = 0; i < block.size(); i++) {
                Assignment a = block.get(i);
                Expr replaced = replace(a.value(), best, local);
                if (replaced != a.value()) {
                    block.set(i, new Assignment(a.target(), replaced, true));
                    if (first < 0) {
                        first = i;
                    }
                }
            }
            block.add(first, new Assignment(local.name(), best, true));
        }
    }

    private static void count(Expr e, Map<Expr, Integer> counts) {
        if (e instanceof Expr.Num || e instanceof Expr.Var) {
            return;
        }
        counts.merge(e, 1, Integer::sum);
        switch (e) {
            case Expr.Unary u -> count(u.operand(), counts);
            case Expr.Binary b -> {
                count(b.left(), counts);
                count(b.right(), counts);
            }
            case Expr.Call c -> c.args().forEach(a -> count(a, counts));
            case Expr.Conditional c -> {
                count(c.condition(), counts);
                count(c.then(), counts);
                count(c.otherwise(), counts);
            }
            default -> { }
        }
    }

    static int size(Expr e) {
        return switch (e) {
            case Expr.Num n -> 1;
            case Expr.Var v -> 1;
            case Expr.Unary u -> 1 + size(u.operand());
            case Expr.Binary b -> 1 + size(b.left()) + size(b.right());
            case Expr.Call c -> 1 + c.args().stream().mapToInt(CommonSubexpressions::size).sum();
            case Expr.Conditional c -> 1 + size(c.condition()) + size(c.then()) + size(c.otherwise());
        };
    }

    /** {@code e} with every occurrence of {@code target} replaced; the same instance when there is none. */
    private static Expr replace(Expr e, Expr target, Expr by) {
        if (e.equals(target)) {
            return by;
        }
        return switch (e) {
            case Expr.Num n -> n;
            case Expr.Var v -> v;
            case Expr.Unary u -> {
                Expr a = replace(u.operand(), target, by);
                yield a == u.operand() ? u : new Expr.Unary(u.op(), a);
            }
            case Expr.Binary b -> {
                Expr l = replace(b.left(), target, by);
                Expr r = replace(b.right(), target, by);
                yield l == b.left() && r == b.right() ? b : new Expr.Binary(b.op(), l, r);
            }
            case Expr.Call c -> {
                List<Expr> args = c.args().stream().map(a -> replace(a, target, by)).toList();
                boolean same = true;
                for (int i = 0; i < args.size(); i++) {
                    same &= args.get(i) == c.args().get(i);
                }
                yield same ? c : new Expr.Call(c.function(), args);
            }
            case Expr.Conditional c -> {
                Expr k = replace(c.condition(), target, by);
                Expr t = replace(c.then(), target, by);
                Expr o = replace(c.otherwise(), target, by);
                yield k == c.condition() && t == c.then() && o == c.otherwise() ? c : new Expr.Conditional(k, t, o);
            }
        };
    }
}

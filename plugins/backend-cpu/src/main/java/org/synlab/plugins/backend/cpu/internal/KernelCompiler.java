package org.synlab.plugins.backend.cpu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.expr.Expr;

/**
 * Compiles an {@link Expr} into a tree of {@link FloatNode} lambdas with the semantics of
 * {@link Expr#evaluate} carried out in float32: float arithmetic, and float casts of the double
 * results of {@link Math} functions. Subtrees without inputs are folded into constants by evaluating
 * the very nodes that would have run, so folding never changes a result.
 */
final class KernelCompiler {

    private static final float[] NO_INPUTS = new float[0];

    private final Map<String, Integer> slots = new HashMap<>();

    private KernelCompiler(List<String> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            slots.put(inputs.get(i), i);
        }
    }

    static CompiledKernel compile(Expr expression, String... inputs) {
        if (expression == null) {
            throw new IllegalArgumentException("kernel expression is null");
        }
        List<String> names = checkInputs(inputs);
        for (String v : expression.variables()) {
            if (!names.contains(v)) {
                throw new IllegalArgumentException("kernel expression '" + expression + "' uses variable '" + v
                        + "', which is not among its inputs " + names
                        + "; bind parameters with Expr.bind before compiling");
            }
        }
        FloatNode root = new KernelCompiler(names).node(expression);
        return new CompiledKernel(names, root, new FusedKernel(expression, names), expression.toString());
    }

    /** The float value the scalar nodes fold an input-free expression to. */
    static float constantValue(Expr expression) {
        return ((Constant) new KernelCompiler(List.of()).node(expression)).value();
    }

    private static List<String> checkInputs(String[] inputs) {
        if (inputs == null) {
            throw new IllegalArgumentException("kernel inputs are null");
        }
        if (inputs.length > FusedKernel.MAX_INPUTS) {
            throw new IllegalArgumentException("a cpu kernel takes at most " + FusedKernel.MAX_INPUTS + " inputs, got "
                    + inputs.length);
        }
        List<String> names = new ArrayList<>(inputs.length);
        for (String name : inputs) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("kernel input names must not be blank: " + Arrays.toString(inputs));
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("kernel input '" + name + "' is listed twice in " + Arrays.toString(inputs));
            }
            names.add(name);
        }
        return names;
    }

    private FloatNode node(Expr e) {
        return switch (e) {
            case Expr.Num n -> new Constant((float) n.value());
            case Expr.Var v -> input(slots.get(v.name()));
            case Expr.Unary u -> folded(unary(u.op(), node(u.operand())));
            case Expr.Binary b -> folded(binary(b.op(), node(b.left()), node(b.right())));
            case Expr.Call c -> folded(call(c.function(), c.args().stream().map(this::node).toList()));
            case Expr.Conditional c -> conditional(node(c.condition()), node(c.then()), node(c.otherwise()));
        };
    }

    private static FloatNode input(int slot) {
        return x -> x[slot];
    }

    /**
     * Replaces a node by its value when all its children are constants: no input node can then be
     * reached, so evaluating it on an empty input array is safe.
     */
    private static FloatNode folded(Folding f) {
        return f.constant() ? new Constant(f.node().eval(NO_INPUTS)) : f.node();
    }

    /** A built node and whether all of its children were constants. */
    private record Folding(FloatNode node, boolean constant) {
        static Folding of(FloatNode node, FloatNode... children) {
            for (FloatNode child : children) {
                if (!(child instanceof Constant)) {
                    return new Folding(node, false);
                }
            }
            return new Folding(node, true);
        }
    }

    private static Folding unary(Expr.UnaryOp op, FloatNode a) {
        FloatNode node = switch (op) {
            case NEG -> x -> -a.eval(x);
            case NOT -> x -> a.eval(x) == 0 ? 1f : 0f;
        };
        return Folding.of(node, a);
    }

    private static Folding binary(Expr.BinaryOp op, FloatNode l, FloatNode r) {
        FloatNode node = switch (op) {
            case ADD, SUB, MUL, DIV -> Arithmetic.of(op, l, r);
            case POW -> x -> (float) Math.pow(l.eval(x), r.eval(x));
            case LT -> x -> l.eval(x) < r.eval(x) ? 1f : 0f;
            case LE -> x -> l.eval(x) <= r.eval(x) ? 1f : 0f;
            case GT -> x -> l.eval(x) > r.eval(x) ? 1f : 0f;
            case GE -> x -> l.eval(x) >= r.eval(x) ? 1f : 0f;
            case EQ -> x -> l.eval(x) == r.eval(x) ? 1f : 0f;
            case NE -> x -> l.eval(x) != r.eval(x) ? 1f : 0f;
            // neither side has effects, so short-circuiting gives the same value as evaluating both
            case AND -> x -> l.eval(x) != 0 && r.eval(x) != 0 ? 1f : 0f;
            case OR -> x -> l.eval(x) != 0 || r.eval(x) != 0 ? 1f : 0f;
        };
        return Folding.of(node, l, r);
    }

    private static Folding call(Expr.Function function, List<FloatNode> args) {
        FloatNode a = args.get(0);
        FloatNode b = args.size() > 1 ? args.get(1) : null;
        FloatNode c = args.size() > 2 ? args.get(2) : null;
        FloatNode node = switch (function) {
            case EXP -> x -> (float) Math.exp(a.eval(x));
            case LOG -> x -> (float) Math.log(a.eval(x));
            case SQRT -> x -> (float) Math.sqrt(a.eval(x));
            case ABS -> x -> Math.abs(a.eval(x));
            case TANH -> x -> (float) Math.tanh(a.eval(x));
            case SIN -> x -> (float) Math.sin(a.eval(x));
            case COS -> x -> (float) Math.cos(a.eval(x));
            case FLOOR -> x -> (float) Math.floor(a.eval(x));
            case MIN -> x -> Math.min(a.eval(x), b.eval(x));
            case MAX -> x -> Math.max(a.eval(x), b.eval(x));
            case POW -> x -> (float) Math.pow(a.eval(x), b.eval(x));
            case CLIP -> x -> Math.min(Math.max(a.eval(x), b.eval(x)), c.eval(x));
        };
        return Folding.of(node, args.toArray(FloatNode[]::new));
    }

    /** A known condition keeps only the branch it selects. */
    private static FloatNode conditional(FloatNode condition, FloatNode then, FloatNode otherwise) {
        if (condition instanceof Constant k) {
            return k.value() != 0 ? then : otherwise;
        }
        return x -> condition.eval(x) != 0 ? then.eval(x) : otherwise.eval(x);
    }
}

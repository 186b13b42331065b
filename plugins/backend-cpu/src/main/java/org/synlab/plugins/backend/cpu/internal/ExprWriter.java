package org.synlab.plugins.backend.cpu.internal;

import java.util.List;
import java.util.function.Function;
import org.synlab.api.expr.Expr;

/**
 * Writes Java statements that compute an {@link Expr} in float32, as {@link KernelCompiler}'s float
 * nodes do (float arithmetic, and {@code (float)} casts of {@link Math} results), with constants
 * folded by the same {@link KernelCompiler#constantValue}: so generated code gives the float nodes'
 * bits. Every node becomes a local ({@code FloatVector} in vector mode, {@code float} in scalar mode);
 * constants are hoisted into a set-up block that runs once per call.
 *
 * <p>Vector mode uses only Vector API operations whose lanes compute what the scalar float operation
 * computes; {@link #vectorizable} says whether an expression needs nothing else. Functions without
 * such a form (exp, log, tanh, sin, cos, floor, pow) need scalar mode.
 */
final class ExprWriter {

    private final boolean vector;
    private final boolean ownExp;
    private final Function<String, String> variable;
    private final StringBuilder setup;
    private final StringBuilder body;
    private final String indent;
    private final int[] temps;

    /**
     * @param variable the local (or expression) that holds a variable's value, for every variable the
     *                 expressions read
     * @param setup    where hoisted constants go
     * @param body     where statements go
     * @param temps    a counter shared by every writer of one generated class, so names never clash
     */
    ExprWriter(boolean vector, Function<String, String> variable, StringBuilder setup, StringBuilder body,
               String indent, int[] temps) {
        this(vector, false, variable, setup, body, indent, temps);
    }

    /**
     * @param ownExp compute exp with {@link #exp}'s polynomial (the same float operations in vector
     *               and scalar form, within 2 ulp of {@link Math#exp}) instead of {@code (float) Math.exp}
     */
    ExprWriter(boolean vector, boolean ownExp, Function<String, String> variable, StringBuilder setup,
               StringBuilder body, String indent, int[] temps) {
        this.vector = vector;
        this.ownExp = ownExp;
        this.variable = variable;
        this.setup = setup;
        this.body = body;
        this.indent = indent;
        this.temps = temps;
    }

    /** Whether every operation has a Vector API form with the bits of its float node. */
    static boolean vectorizable(Expr e) {
        return vectorizable(e, false);
    }

    /** As {@link #vectorizable(Expr)}, counting exp as vectorizable when the writer computes its own. */
    static boolean vectorizable(Expr e, boolean ownExp) {
        if (!(e instanceof Expr.Var) && e.variables().isEmpty()) {
            return true; // folded to a constant
        }
        return switch (e) {
            case Expr.Num n -> true;
            case Expr.Var v -> true;
            case Expr.Unary u -> vectorizable(u.operand(), ownExp);
            case Expr.Binary b -> (b.op() != Expr.BinaryOp.POW || isTwo(b.right()))
                    && vectorizable(b.left(), ownExp) && vectorizable(b.right(), ownExp);
            case Expr.Call c -> switch (c.function()) {
                case SQRT, ABS, MIN, MAX, CLIP -> c.args().stream().allMatch(x -> vectorizable(x, ownExp));
                case EXP -> ownExp && vectorizable(c.args().get(0), ownExp);
                case POW -> isTwo(c.args().get(1)) && vectorizable(c.args().get(0), ownExp);
                default -> false;
            };
            case Expr.Conditional c -> c.condition().variables().isEmpty()
                    ? vectorizable(KernelCompiler.constantValue(c.condition()) != 0 ? c.then() : c.otherwise(), ownExp)
                    : vectorizable(c.condition(), ownExp) && vectorizable(c.then(), ownExp)
                    && vectorizable(c.otherwise(), ownExp);
        };
    }

    /** Emits the statements for {@code e}; returns the local that holds its value. */
    String node(Expr e) {
        if (!(e instanceof Expr.Var) && e.variables().isEmpty()) {
            return constant(KernelCompiler.constantValue(e));
        }
        return switch (e) {
            case Expr.Num n -> constant((float) n.value());
            case Expr.Var v -> variable.apply(v.name());
            case Expr.Unary u -> u.op() == Expr.UnaryOp.NEG
                    ? let(vector ? node(u.operand()) + ".neg()" : "-" + node(u.operand()))
                    : not(node(u.operand()));
            case Expr.Binary b -> binary(b);
            case Expr.Call c -> call(c);
            case Expr.Conditional c -> conditional(c);
        };
    }

    private String binary(Expr.Binary b) {
        String l = node(b.left());
        if (b.op() == Expr.BinaryOp.POW && isTwo(b.right())) {
            return arithmetic("mul", "*", l, l); // exactly (float) Math.pow(x, 2): the double square of a float is exact
        }
        String r = node(b.right());
        return switch (b.op()) {
            case ADD -> arithmetic("add", "+", l, r);
            case SUB -> arithmetic("sub", "-", l, r);
            case MUL -> arithmetic("mul", "*", l, r);
            case DIV -> arithmetic("div", "/", l, r);
            case POW -> let("(float) Math.pow(" + l + ", " + r + ")");
            case LT -> compare("LT", "<", l, r);
            case LE -> compare("LE", "<=", l, r);
            case GT -> compare("GT", ">", l, r);
            case GE -> compare("GE", ">=", l, r);
            case EQ -> compare("EQ", "==", l, r);
            case NE -> notEqual(l, r);
            case AND -> logical("and", "&&", l, r);
            case OR -> logical("or", "||", l, r);
        };
    }

    private String call(Expr.Call c) {
        List<Expr> args = c.args();
        if (c.function() == Expr.Function.POW && isTwo(args.get(1))) {
            String x = node(args.get(0));
            return arithmetic("mul", "*", x, x);
        }
        String a = node(args.get(0));
        return switch (c.function()) {
            case SQRT -> let(vector ? a + ".sqrt()" : "(float) Math.sqrt(" + a + ")");
            case ABS -> let(vector ? a + ".abs()" : "Math.abs(" + a + ")");
            case MIN -> minMax("min", a, node(args.get(1)));
            case MAX -> minMax("max", a, node(args.get(1)));
            case CLIP -> {
                String lo = node(args.get(1));
                String hi = node(args.get(2));
                yield minMax("min", minMax("max", a, lo), hi);
            }
            case EXP -> ownExp ? exp(a) : let("(float) Math.exp(" + a + ")");
            case LOG -> let("(float) Math.log(" + a + ")");
            case TANH -> let("(float) Math.tanh(" + a + ")");
            case SIN -> let("(float) Math.sin(" + a + ")");
            case COS -> let("(float) Math.cos(" + a + ")");
            case FLOOR -> let("(float) Math.floor(" + a + ")");
            case POW -> let("(float) Math.pow(" + a + ", " + node(args.get(1)) + ")");
        };
    }

    /** A known condition keeps only its branch; otherwise both are computed and one is chosen, as SELECT does. */
    private String conditional(Expr.Conditional c) {
        if (c.condition().variables().isEmpty()) {
            return node(KernelCompiler.constantValue(c.condition()) != 0 ? c.then() : c.otherwise());
        }
        if (vector) {
            String mask = mask(c.condition());
            String then = node(c.then());
            String otherwise = node(c.otherwise());
            return let(otherwise + ".blend(" + then + ", " + mask + ")");
        }
        String condition = node(c.condition());
        String then = node(c.then());
        String otherwise = node(c.otherwise());
        return let(condition + " == 0f ? " + otherwise + " : " + then);
    }

    /**
     * Vector mode: a mask local that is set where {@code e} is non-zero. A comparison, a logical
     * operator or a negation becomes the mask itself, without the detour through 1 and 0 that its
     * value needs; the lanes set are the same, NaN included (NaN compares unequal, so a NaN value is
     * non-zero and a comparison with NaN is false either way).
     */
    String mask(Expr e) {
        if (e instanceof Expr.Binary b && !e.variables().isEmpty()) {
            String operator = switch (b.op()) {
                case LT -> "LT";
                case LE -> "LE";
                case GT -> "GT";
                case GE -> "GE";
                case EQ -> "EQ";
                default -> null;
            };
            if (operator != null) {
                return letMask(node(b.left()) + ".compare(VectorOperators." + operator + ", " + node(b.right()) + ")");
            }
            if (b.op() == Expr.BinaryOp.NE) {
                return letMask(node(b.left()) + ".compare(VectorOperators.EQ, " + node(b.right()) + ").not()");
            }
            if (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR) {
                String l = mask(b.left());
                String r = mask(b.right());
                return letMask(l + "." + (b.op() == Expr.BinaryOp.AND ? "and" : "or") + "(" + r + ")");
            }
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT && !e.variables().isEmpty()) {
            return letMask(mask(u.operand()) + ".not()");
        }
        return letMask(node(e) + ".compare(VectorOperators.NE, 0f)");
    }

    private String letMask(String value) {
        String name = "k" + temps[0]++;
        body.append(indent).append("VectorMask ").append(name).append(" = ").append(value).append(";\n");
        return name;
    }

    private String arithmetic(String method, String operator, String l, String r) {
        return let(vector ? l + "." + method + "(" + r + ")" : l + " " + operator + " " + r);
    }

    private String minMax(String method, String l, String r) {
        return let(vector ? l + "." + method + "(" + r + ")" : "Math." + method + "(" + l + ", " + r + ")");
    }

    private String compare(String operator, String symbol, String l, String r) {
        if (vector) {
            return let(zeroOne(l + ".compare(VectorOperators." + operator + ", " + r + ")"));
        }
        return let("(" + l + " " + symbol + " " + r + ") ? 1f : 0f");
    }

    /** x != y as "not x == y", so NaN compares unequal, as in Java. */
    private String notEqual(String l, String r) {
        if (vector) {
            return let(constant(1f) + ".blend(" + constant(0f) + ", " + l + ".compare(VectorOperators.EQ, " + r + "))");
        }
        return let("(" + l + " == " + r + ") ? 0f : 1f");
    }

    private String not(String x) {
        if (vector) {
            return let(zeroOne(x + ".compare(VectorOperators.EQ, 0f)"));
        }
        return let("(" + x + " == 0f) ? 1f : 0f");
    }

    private String logical(String method, String symbol, String l, String r) {
        if (vector) {
            return let(zeroOne(l + ".compare(VectorOperators.NE, 0f)." + method + "(" + r + ".compare(VectorOperators.NE, 0f))"));
        }
        return let("(" + l + " != 0f " + symbol + " " + r + " != 0f) ? 1f : 0f");
    }

    private String zeroOne(String mask) {
        return constant(0f) + ".blend(" + constant(1f) + ", " + mask + ")";
    }

    /** A constant as its exact bits, hoisted out of the loop. */
    String constant(float value) {
        String name = "c" + temps[0]++;
        String literal = "Float.intBitsToFloat(" + Float.floatToRawIntBits(value) + ")";
        if (vector) {
            setup.append("    FloatVector ").append(name).append(" = FloatVector.broadcast(S, ").append(literal).append(");\n");
        } else {
            setup.append("    float ").append(name).append(" = ").append(literal).append(";\n");
        }
        return name;
    }

    /**
     * A call of the generated class's own exp ({@link #ownExpMethods}): a call, not the expanded
     * polynomial, so that a model with many exps (Hodgkin-Huxley has eight rate functions) keeps its
     * vector loop under the size the JIT compiles; the JIT inlines the small method back.
     */
    private String exp(String x) {
        return let((vector ? "ownExp(" : "ownExpf(") + x + ")");
    }

    /**
     * The source of the two exp methods a class needs when its writers compute their own exp: exp(x)
     * from float operations only, so that a vector lane and the scalar loop give the same bits. x is
     * clamped to [-87, 88] (so 2^n stays a normal float), n = round(x / ln 2) by the 1.5 * 2^23 trick,
     * r = x - n ln 2 in two fused steps (Cody and Waite's split of ln 2, as in Cephes' expf), e^r by
     * its Taylor polynomial of degree 7 (|r| <= ln 2 / 2: truncation under 0.1 ulp), times 2^n built
     * in the exponent bits. Measured within 2 ulp of {@link Math#exp} on [-87, 88].
     */
    static String ownExpMethods() {
        float[] c = {1f / 5040, 1f / 720, 1f / 120, 1f / 24, 1f / 6, 0.5f, 1f, 1f};
        StringBuilder v = new StringBuilder("  private static FloatVector ownExp(FloatVector x) {\n");
        StringBuilder f = new StringBuilder("  private static float ownExpf(float x) {\n");
        v.append("    FloatVector c = x.max(").append(vf(-87f)).append(").min(").append(vf(88f)).append(");\n");
        f.append("    float c = Math.min(Math.max(x, ").append(sf(-87f)).append("), ").append(sf(88f)).append(");\n");
        v.append("    FloatVector n = c.mul(").append(vf((float) (1 / Math.log(2)))).append(").add(")
                .append(vf(12582912f)).append(").sub(").append(vf(12582912f)).append(");\n");
        f.append("    float n = c * ").append(sf((float) (1 / Math.log(2)))).append(" + ").append(sf(12582912f))
                .append(" - ").append(sf(12582912f)).append(";\n");
        v.append("    FloatVector r = n.fma(").append(vf(-0.693359375f)).append(", c);\n");
        v.append("    r = n.fma(").append(vf(2.12194440e-4f)).append(", r);\n");
        f.append("    float r = Math.fma(n, ").append(sf(-0.693359375f)).append(", c);\n");
        f.append("    r = Math.fma(n, ").append(sf(2.12194440e-4f)).append(", r);\n");
        v.append("    FloatVector p = ").append(vf(c[0])).append(";\n");
        f.append("    float p = ").append(sf(c[0])).append(";\n");
        for (int i = 1; i < c.length; i++) {
            v.append("    p = p.fma(r, ").append(vf(c[i])).append(");\n");
            f.append("    p = Math.fma(p, r, ").append(sf(c[i])).append(");\n");
        }
        v.append("    return p.mul(((jdk.incubator.vector.IntVector) n.convert(VectorOperators.F2I, 0)).add(127)")
                .append(".lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());\n  }\n");
        f.append("    return p * Float.intBitsToFloat(((int) n + 127) << 23);\n  }\n");
        return v.append(f).toString();
    }

    private static String sf(float value) {
        return "Float.intBitsToFloat(" + Float.floatToRawIntBits(value) + ")";
    }

    private static String vf(float value) {
        return "FloatVector.broadcast(S, " + sf(value) + ")";
    }

    /** A statement {@code type name = value;} in the body; returns the name. */
    String let(String value) {
        String name = "t" + temps[0]++;
        body.append(indent).append(vector ? "FloatVector " : "float ").append(name).append(" = ").append(value).append(";\n");
        return name;
    }

    private static boolean isTwo(Expr e) {
        return e.variables().isEmpty() && KernelCompiler.constantValue(e) == 2f;
    }
}

package org.synlab.plugins.backend.cpu.internal;

import java.util.List;
import org.synlab.api.expr.Expr;

/**
 * Writes the Java source of one elementwise kernel as a single loop: every node of the expression
 * becomes a local variable, so a whole update such as Adam's runs in registers, in one pass over
 * memory. (The interpreter it replaced ran one vector pass per node over blocks of 512 elements.)
 *
 * <p>Each node computes what {@link KernelCompiler}'s float node computes (float arithmetic, and
 * {@code (float)} casts of {@link Math} results), and constants are folded by the same
 * {@link KernelCompiler#constantValue}, so the loop gives the float nodes' bits. A kernel that calls
 * a function the Vector API does not compute as {@link Math} does (exp, log, tanh, sin, cos, floor,
 * pow) is written as a scalar float loop instead: {@code (float) Math.exp(x)} per element.
 *
 * <p>The generated class implements {@link FusedKernel.Body}. Inputs listed in {@code scalar} are
 * read once per call from {@code scalars[j]} (a broadcast value); the others are read element by
 * element from {@code in[j]} starting at {@code at[j]}.
 */
final class FusedKernelSource {

    private final List<String> inputs;
    private final boolean[] scalar;
    private final boolean vector;
    private final StringBuilder setup = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();
    private int temps;

    private FusedKernelSource(List<String> inputs, boolean[] scalar, boolean vector) {
        this.inputs = inputs;
        this.scalar = scalar;
        this.vector = vector;
    }

    /** The source of class {@code className} (in no package) computing {@code expression}. */
    static String write(String className, Expr expression, List<String> inputs, boolean[] scalar) {
        FusedKernelSource s = new FusedKernelSource(inputs, scalar, vectorizable(expression));
        return s.compose(className, expression);
    }

    /** Whether every operation has a Vector API form with the bits of its float node. */
    static boolean vectorizable(Expr e) {
        if (!(e instanceof Expr.Var) && e.variables().isEmpty()) {
            return true; // folded to a constant
        }
        return switch (e) {
            case Expr.Num n -> true;
            case Expr.Var v -> true;
            case Expr.Unary u -> vectorizable(u.operand());
            case Expr.Binary b -> (b.op() != Expr.BinaryOp.POW || isTwo(b.right()))
                    && vectorizable(b.left()) && vectorizable(b.right());
            case Expr.Call c -> switch (c.function()) {
                case SQRT, ABS, MIN, MAX, CLIP -> c.args().stream().allMatch(FusedKernelSource::vectorizable);
                case POW -> isTwo(c.args().get(1)) && vectorizable(c.args().get(0));
                default -> false;
            };
            case Expr.Conditional c -> c.condition().variables().isEmpty()
                    ? vectorizable(KernelCompiler.constantValue(c.condition()) != 0 ? c.then() : c.otherwise())
                    : vectorizable(c.condition()) && vectorizable(c.then()) && vectorizable(c.otherwise());
        };
    }

    private String compose(String className, Expr expression) {
        String v = "jdk.incubator.vector.";
        StringBuilder out = new StringBuilder();
        out.append("import ").append(v).append("FloatVector;\n");
        out.append("import ").append(v).append("VectorMask;\n");
        out.append("import ").append(v).append("VectorOperators;\n");
        out.append("import ").append(v).append("VectorSpecies;\n");
        out.append("public final class ").append(className).append(" implements ")
                .append(FusedKernel.Body.class.getCanonicalName()).append(" {\n");
        out.append("  private static final VectorSpecies S = FloatVector.SPECIES_PREFERRED;\n");
        out.append("  private static final int L = S.length();\n");
        out.append("  public void run(float[] out, int o, float[][] in, int[] at, float[] scalars, int n) {\n");
        for (int j = 0; j < inputs.size(); j++) {
            if (scalar[j]) {
                setup.append("    float s").append(j).append(" = scalars[").append(j).append("];\n");
                if (vector) {
                    setup.append("    FloatVector vs").append(j).append(" = FloatVector.broadcast(S, s").append(j).append(");\n");
                }
            } else {
                setup.append("    float[] a").append(j).append(" = in[").append(j).append("];\n");
                setup.append("    int f").append(j).append(" = at[").append(j).append("];\n");
            }
        }
        String result = node(expression);
        out.append(setup);
        if (vector) {
            out.append("    int i = 0;\n");
            out.append("    for (int bound = S.loopBound(n); i < bound; i += L) {\n");
            out.append(body.toString().replace("@LOAD", "").replace("@I", "i"));
            out.append("      ").append(result).append(".intoArray(out, o + i);\n");
            out.append("    }\n");
            out.append("    if (i < n) {\n");
            out.append("      VectorMask m = S.indexInRange(i, n);\n");
            out.append(body.toString().replace("@LOAD", ", m").replace("@I", "i"));
            out.append("      ").append(result).append(".intoArray(out, o + i, m);\n");
            out.append("    }\n");
        } else {
            out.append("    for (int i = 0; i < n; i++) {\n");
            out.append(body);
            out.append("      out[o + i] = ").append(result).append(";\n");
            out.append("    }\n");
        }
        out.append(tail);
        out.append("  }\n}\n");
        return out.toString();
    }

    /** Emits the statements for {@code e}; returns the local that holds its value. */
    private String node(Expr e) {
        if (!(e instanceof Expr.Var) && e.variables().isEmpty()) {
            return constant(KernelCompiler.constantValue(e));
        }
        return switch (e) {
            case Expr.Num n -> constant((float) n.value());
            case Expr.Var v -> input(inputs.indexOf(v.name()));
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
            case EXP -> let("(float) Math.exp(" + a + ")");
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
        String condition = node(c.condition());
        String then = node(c.then());
        String otherwise = node(c.otherwise());
        if (vector) {
            return let(then + ".blend(" + otherwise + ", " + condition + ".compare(VectorOperators.EQ, 0f))");
        }
        return let(condition + " == 0f ? " + otherwise + " : " + then);
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

    private String input(int j) {
        if (scalar[j]) {
            return vector ? "vs" + j : "s" + j;
        }
        if (vector) {
            return let("FloatVector.fromArray(S, a" + j + ", f" + j + " + @I@LOAD)");
        }
        return let("a" + j + "[f" + j + " + i]");
    }

    /** A constant as its exact bits, hoisted out of the loop. */
    private String constant(float value) {
        String name = "c" + temps++;
        String literal = "Float.intBitsToFloat(" + Float.floatToRawIntBits(value) + ")";
        if (vector) {
            setup.append("    FloatVector ").append(name).append(" = FloatVector.broadcast(S, ").append(literal).append(");\n");
        } else {
            setup.append("    float ").append(name).append(" = ").append(literal).append(";\n");
        }
        return name;
    }

    private String let(String value) {
        String name = "t" + temps++;
        body.append("      ").append(vector ? "FloatVector " : "float ").append(name).append(" = ").append(value).append(";\n");
        return name;
    }

    private static boolean isTwo(Expr e) {
        return e.variables().isEmpty() && KernelCompiler.constantValue(e) == 2f;
    }
}

package org.synlab.plugins.backend.cpu.internal;

import java.util.List;
import java.util.Set;
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

    private FusedKernelSource() {
    }

    /** The source of class {@code className} (in no package) computing {@code expression}. */
    static String write(String className, Expr expression, List<String> inputs, boolean[] scalar) {
        boolean vector = ExprWriter.vectorizable(expression);
        Set<String> read = expression.variables();
        StringBuilder setup = new StringBuilder();
        StringBuilder loads = new StringBuilder();
        StringBuilder body = new StringBuilder();
        declareInputs(inputs, scalar, vector, read, setup, loads);
        ExprWriter writer = new ExprWriter(vector, name -> {
            int j = inputs.indexOf(name);
            return scalar[j] ? (vector ? "vs" : "s") + j : "x" + j;
        }, setup, body, "      ", new int[1]);
        String result = writer.node(expression);
        StringBuilder out = new StringBuilder();
        out.append(Generated.header(className, FusedKernel.Body.class));
        out.append("  public void run(float[] out, int o, float[][] in, int[] at, float[] scalars, int n) {\n");
        out.append(setup);
        if (vector) {
            out.append("    int i = 0;\n");
            out.append("    for (int bound = S.loopBound(n); i < bound; i += L) {\n");
            out.append(loads.toString().replace("@MASK", "")).append(body);
            out.append("      ").append(result).append(".intoArray(out, o + i);\n");
            out.append("    }\n");
            out.append("    if (i < n) {\n");
            out.append("      VectorMask m = S.indexInRange(i, n);\n");
            out.append(loads.toString().replace("@MASK", ", m")).append(body);
            out.append("      ").append(result).append(".intoArray(out, o + i, m);\n");
            out.append("    }\n");
        } else {
            out.append("    for (int i = 0; i < n; i++) {\n");
            out.append(loads).append(body);
            out.append("      out[o + i] = ").append(result).append(";\n");
            out.append("    }\n");
        }
        out.append("  }\n}\n");
        return out.toString();
    }

    /**
     * The source of class {@code className} computing {@code updates} in one loop ({@link FusedUpdates}):
     * each update's result becomes a local that the later expressions read in place of its name, and
     * every input is loaded, for a vector of elements, before any output is stored.
     */
    static String writeUpdates(String className, List<String> names, List<Expr> updates, List<String> inputs,
                               boolean[] scalar) {
        boolean vector = updates.stream().allMatch(ExprWriter::vectorizable);
        // the inputs read from memory: read by an update before any update assigns them
        Set<String> read = new java.util.HashSet<>();
        for (int u = 0; u < updates.size(); u++) {
            for (String v : updates.get(u).variables()) {
                if (!names.subList(0, u).contains(v)) {
                    read.add(v);
                }
            }
        }
        StringBuilder setup = new StringBuilder();
        StringBuilder loads = new StringBuilder();
        StringBuilder body = new StringBuilder();
        declareInputs(inputs, scalar, vector, read, setup, loads);
        java.util.Map<String, String> assigned = new java.util.HashMap<>();
        ExprWriter writer = new ExprWriter(vector, name -> {
            String local = assigned.get(name);
            if (local != null) {
                return local;
            }
            int j = inputs.indexOf(name);
            return scalar[j] ? (vector ? "vs" : "s") + j : "x" + j;
        }, setup, body, "      ", new int[1]);
        List<String> results = new java.util.ArrayList<>();
        for (int u = 0; u < updates.size(); u++) {
            String result = writer.node(updates.get(u));
            results.add(result);
            assigned.put(names.get(u), result);
        }
        StringBuilder out = new StringBuilder();
        out.append(Generated.header(className, FusedUpdates.Body.class));
        out.append("  public void run(float[][] outs, int o, float[][] in, int[] at, float[] scalars, int n) {\n");
        for (int u = 0; u < updates.size(); u++) {
            out.append("    float[] out").append(u).append(" = outs[").append(u).append("];\n");
        }
        out.append(setup);
        if (vector) {
            out.append("    int i = 0;\n");
            out.append("    for (int bound = S.loopBound(n); i < bound; i += L) {\n");
            out.append(loads.toString().replace("@MASK", "")).append(body);
            for (int u = 0; u < updates.size(); u++) {
                out.append("      ").append(results.get(u)).append(".intoArray(out").append(u).append(", o + i);\n");
            }
            out.append("    }\n");
            out.append("    if (i < n) {\n");
            out.append("      VectorMask m = S.indexInRange(i, n);\n");
            out.append(loads.toString().replace("@MASK", ", m")).append(body);
            for (int u = 0; u < updates.size(); u++) {
                out.append("      ").append(results.get(u)).append(".intoArray(out").append(u).append(", o + i, m);\n");
            }
            out.append("    }\n");
        } else {
            out.append("    for (int i = 0; i < n; i++) {\n");
            out.append(loads).append(body);
            for (int u = 0; u < updates.size(); u++) {
                out.append("      out").append(u).append("[o + i] = ").append(results.get(u)).append(";\n");
            }
            out.append("    }\n");
        }
        out.append("  }\n}\n");
        return out.toString();
    }

    /**
     * Declares each input once per call (a scalar, or an array with its offset) in {@code setup}, and loads each
     * array input the expression reads at element {@code i} in {@code loads}.
     */
    private static void declareInputs(List<String> inputs, boolean[] scalar, boolean vector, Set<String> read,
                                      StringBuilder setup, StringBuilder loads) {
        for (int j = 0; j < inputs.size(); j++) {
            if (scalar[j]) {
                setup.append("    float s").append(j).append(" = scalars[").append(j).append("];\n");
                if (vector) {
                    setup.append("    FloatVector vs").append(j).append(" = FloatVector.broadcast(S, s").append(j).append(");\n");
                }
            } else {
                setup.append("    float[] a").append(j).append(" = in[").append(j).append("];\n");
                setup.append("    int f").append(j).append(" = at[").append(j).append("];\n");
                if (read.contains(inputs.get(j))) {
                    loads.append("      ").append(vector
                            ? "FloatVector x" + j + " = FloatVector.fromArray(S, a" + j + ", f" + j + " + i@MASK);\n"
                            : "float x" + j + " = a" + j + "[f" + j + " + i];\n");
                }
            }
        }
    }
}

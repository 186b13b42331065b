package org.synlab.plugins.backend.cpu.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        Loops loops = Loops.of(List.of(), List.of(expression), inputs, scalar);
        StringBuilder out = new StringBuilder();
        out.append(Generated.header(className, FusedKernel.Body.class));
        out.append("  public void run(float[] out, int o, float[][] in, int[] at, float[] scalars, int n) {\n");
        out.append("    float[] out0 = out;\n");
        loops.appendTo(out);
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
        Loops loops = Loops.of(names, updates, inputs, scalar);
        StringBuilder out = new StringBuilder();
        out.append(Generated.header(className, FusedUpdates.Body.class));
        out.append("  public void run(float[][] outs, int o, float[][] in, int[] at, float[] scalars, int n) {\n");
        for (int u = 0; u < updates.size(); u++) {
            out.append("    float[] out").append(u).append(" = outs[").append(u).append("];\n");
        }
        loops.appendTo(out);
        out.append("  }\n}\n");
        return out.toString();
    }

    /**
     * The loops of one generated method: a vector loop over whole vectors when every update has a
     * vector form, then a scalar loop over the rest. The tail is scalar rather than masked: a masked
     * load near an array's end takes the Vector API's lane-by-lane bounds check, which C2 leaves as
     * slow Java (it cost a tenth of an MNIST training step on the 10-element output bias), while a
     * scalar lane computes the same float operations ({@link ExprWriter}), so the bits are the same.
     */
    private record Loops(String setup, Body vector, Body scalar) {

        /** One loop's per-element loads, its statements, and the local holding each update's result. */
        private record Body(String loads, String statements, List<String> results) {
        }

        /** Update u is {@code updates.get(u)}; names.get(u), where given, is what later updates call its result. */
        static Loops of(List<String> names, List<Expr> updates, List<String> inputs, boolean[] scalar) {
            boolean vectorizable = updates.stream().allMatch(ExprWriter::vectorizable);
            // the inputs read from memory: read by an update before any update assigns them
            Set<String> read = new HashSet<>();
            for (int u = 0; u < updates.size(); u++) {
                for (String v : updates.get(u).variables()) {
                    if (!names.subList(0, Math.min(u, names.size())).contains(v)) {
                        read.add(v);
                    }
                }
            }
            StringBuilder setup = new StringBuilder();
            int[] temps = new int[1];
            Body vector = vectorizable ? body(true, names, updates, inputs, scalar, read, setup, temps) : null;
            Body scalarBody = body(false, names, updates, inputs, scalar, read, setup, temps);
            return new Loops(setup.toString(), vector, scalarBody);
        }

        private static Body body(boolean vector, List<String> names, List<Expr> updates, List<String> inputs,
                                 boolean[] scalar, Set<String> read, StringBuilder setup, int[] temps) {
            StringBuilder loads = new StringBuilder();
            StringBuilder statements = new StringBuilder();
            declareInputs(inputs, scalar, vector, read, setup, loads);
            Map<String, String> assigned = new HashMap<>();
            ExprWriter writer = new ExprWriter(vector, name -> {
                String local = assigned.get(name);
                if (local != null) {
                    return local;
                }
                int j = inputs.indexOf(name);
                return scalar[j] ? (vector ? "vs" : "s") + j : "x" + j;
            }, setup, statements, "      ", temps);
            List<String> results = new ArrayList<>();
            for (int u = 0; u < updates.size(); u++) {
                String result = writer.node(updates.get(u));
                results.add(result);
                if (u < names.size()) {
                    assigned.put(names.get(u), result);
                }
            }
            return new Body(loads.toString(), statements.toString(), results);
        }

        /** Appends the set-up and the loops that write {@code out0, out1, ...} at {@code o + i} for i in [0, n). */
        void appendTo(StringBuilder out) {
            out.append(setup);
            out.append("    int i = 0;\n");
            if (vector != null) {
                out.append("    for (int bound = S.loopBound(n); i < bound; i += L) {\n");
                out.append(vector.loads).append(vector.statements);
                for (int u = 0; u < vector.results.size(); u++) {
                    out.append("      ").append(vector.results.get(u)).append(".intoArray(out").append(u)
                            .append(", o + i);\n");
                }
                out.append("    }\n");
            }
            out.append("    for (; i < n; i++) {\n");
            out.append(scalar.loads).append(scalar.statements);
            for (int u = 0; u < scalar.results.size(); u++) {
                out.append("      out").append(u).append("[o + i] = ").append(scalar.results.get(u)).append(";\n");
            }
            out.append("    }\n");
        }
    }

    /**
     * Declares each input once per call (a scalar, or an array with its offset) in {@code setup}, and loads each
     * array input the expression reads at element {@code i} in {@code loads}.
     */
    private static void declareInputs(List<String> inputs, boolean[] scalar, boolean vector, Set<String> read,
                                      StringBuilder setup, StringBuilder loads) {
        for (int j = 0; j < inputs.size(); j++) {
            if (scalar[j]) {
                if (vector) {
                    setup.append("    FloatVector vs").append(j).append(" = FloatVector.broadcast(S, scalars[").append(j)
                            .append("]);\n");
                } else {
                    setup.append("    float s").append(j).append(" = scalars[").append(j).append("];\n");
                }
                continue;
            }
            if (!vector) {
                setup.append("    float[] a").append(j).append(" = in[").append(j).append("];\n");
                setup.append("    int f").append(j).append(" = at[").append(j).append("];\n");
            }
            if (read.contains(inputs.get(j))) {
                loads.append("      ").append(vector
                        ? "FloatVector x" + j + " = FloatVector.fromArray(S, a" + j + ", f" + j + " + i);\n"
                        : "float x" + j + " = a" + j + "[f" + j + " + i];\n");
            }
        }
    }
}

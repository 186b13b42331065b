package org.synlab.plugins.backend.cpu.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synlab.api.eqs.Assignment;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.api.eqs.Variable;
import org.synlab.api.spiking.NeuronKernel;
import org.synlab.api.spiking.PopulationState;

/**
 * Writes the Java source of a {@link NeuronKernel} for one {@link NeuronProgram}: a loop over the
 * neurons of a range that loads each state variable into a local, runs the update statements, tests
 * the threshold, applies the reset where it fired, and stores the variables back. Nothing is
 * interpreted at run time, so a model declared by its equations runs as fast as one written by hand.
 *
 * <p>When every expression has a Vector API form ({@link ExprWriter#vectorizable}), 16 neurons (a
 * 512-bit vector) go through the statements at once: the reset is computed for all lanes and blended
 * in where the threshold mask is set, and the spiking neurons are read from the mask's bits in
 * ascending order. exp (in AdEx, HH and the conductance-based LIF's exponential Euler) is computed
 * by the writer's own polynomial, within 2 ulp of {@link Math#exp}. The last neurons of the range,
 * and models that call log, tanh, sin, cos, floor or pow, go through the same statements one neuron
 * at a time; both forms compute every value with the same float operations, so a neuron's
 * trajectory does not depend on which form stepped it.
 *
 * <p>The generated class takes the variable names and the step length in seconds in its constructor.
 */
final class NeuronKernelSource {

    private final NeuronProgram program;
    private final List<String> names;
    private final Set<String> written = new LinkedHashSet<>();
    private final int[] temps = new int[1];

    private NeuronKernelSource(NeuronProgram program) {
        this.program = program;
        this.names = program.variables().stream().map(Variable::name).toList();
        program.update().stream().filter(a -> !a.local()).forEach(a -> written.add(a.target()));
        program.reset().stream().filter(a -> !a.local()).forEach(a -> written.add(a.target()));
    }

    /**
     * The source of class {@code className} running {@code program} (whose dt is already bound), 16
     * neurons at a time if {@code vector} (see {@link #vectorizable}) and the rest one at a time.
     */
    static String write(String className, NeuronProgram program, boolean vector) {
        return new NeuronKernelSource(program).compose(className, vector);
    }

    /** Whether the whole program can run 16 neurons at a time. */
    static boolean vectorizable(NeuronProgram program) {
        return program.update().stream().allMatch(a -> ExprWriter.vectorizable(a.value(), true))
                && ExprWriter.vectorizable(program.threshold(), true)
                && program.reset().stream().allMatch(a -> ExprWriter.vectorizable(a.value(), true));
    }

    /**
     * {@code update} runs the vector loop and hands the rest of the range to {@code tail}, the scalar
     * loop: two methods, so that each stays under the size the JIT compiles (HotSpot leaves methods
     * over 8,000 bytes of bytecode interpreted).
     */
    private String compose(String className, boolean vector) {
        StringBuilder arrays = new StringBuilder();
        StringBuilder parameters = new StringBuilder();
        for (int v = 0; v < names.size(); v++) {
            arrays.append("a").append(v).append(", ");
            parameters.append("float[] a").append(v).append(", ");
        }
        StringBuilder out = new StringBuilder(Generated.header(className, NeuronKernel.class));
        out.append("  private final java.util.List names;\n");
        out.append("  private final double dt;\n");
        out.append("  public ").append(className).append("(java.util.List names, double dt) {\n");
        out.append("    this.names = names;\n    this.dt = dt;\n  }\n");
        out.append("  public java.util.List variables() {\n    return names;\n  }\n");
        out.append("  public int update(").append(PopulationState.class.getCanonicalName())
                .append(" state, long step, int from, int to, int[] spiked) {\n");
        for (int v = 0; v < names.size(); v++) {
            out.append("    float[] a").append(v).append(" = state.variable(").append(v).append(");\n");
        }
        out.append("    float tf = (float) (step * dt);\n");
        out.append("    int count = 0;\n");
        out.append("    int i = from;\n");
        if (vector) {
            StringBuilder setup = new StringBuilder("    FloatVector tv = FloatVector.broadcast(S, tf);\n");
            StringBuilder body = new StringBuilder();
            loop(true, setup, body);
            out.append(setup);
            out.append("    for (; i + L <= to; i += L) {\n").append(body).append("    }\n");
        }
        out.append("    return tail(").append(arrays).append("tf, i, to, spiked, count);\n  }\n");
        StringBuilder setup = new StringBuilder();
        StringBuilder body = new StringBuilder();
        loop(false, setup, body);
        out.append("  private int tail(").append(parameters)
                .append("float tf, int i, int to, int[] spiked, int count) {\n");
        out.append(setup);
        out.append("    for (; i < to; i++) {\n").append(body).append("    }\n");
        out.append("    return count;\n  }\n");
        out.append(ExprWriter.ownExpMethods());
        out.append("}\n");
        return out.toString();
    }

    /** One neuron (or one vector of neurons): load, update, threshold, reset, store. */
    private void loop(boolean vector, StringBuilder setup, StringBuilder body) {
        String type = vector ? "FloatVector " : "float ";
        Map<String, String> symbol = new HashMap<>();
        for (int v = 0; v < names.size(); v++) {
            String local = (vector ? "w" : "x") + v;
            body.append("      ").append(type).append(local).append(" = ")
                    .append(vector ? "FloatVector.fromArray(S, a" + v + ", i)" : "a" + v + "[i]").append(";\n");
            symbol.put(names.get(v), local);
        }
        symbol.put("t", vector ? "tv" : "tf");
        ExprWriter writer = new ExprWriter(vector, true, name -> lookup(symbol, name), setup, body, "      ", temps);
        statements(program.update(), writer, symbol, body, "      ", null);
        if (vector) {
            String fired = writer.mask(program.threshold());
            body.append("      if (").append(fired).append(".anyTrue()) {\n");
            ExprWriter inner = new ExprWriter(true, true, name -> lookup(symbol, name), setup, body, "        ", temps);
            statements(program.reset(), inner, symbol, body, "        ", fired);
            body.append("        long bits = ").append(fired).append(".toLong();\n");
            body.append("        while (bits != 0) {\n");
            body.append("          spiked[count++] = i + Long.numberOfTrailingZeros(bits);\n");
            body.append("          bits &= bits - 1;\n        }\n");
            body.append("      }\n");
        } else {
            String threshold = writer.node(program.threshold());
            body.append("      if (").append(threshold).append(" != 0f) {\n");
            ExprWriter inner = new ExprWriter(false, true, name -> lookup(symbol, name), setup, body, "        ", temps);
            statements(program.reset(), inner, symbol, body, "        ", null);
            body.append("        spiked[count++] = i;\n      }\n");
        }
        for (int v = 0; v < names.size(); v++) {
            if (written.contains(names.get(v))) {
                String local = symbol.get(names.get(v));
                body.append("      ").append(vector ? local + ".intoArray(a" + v + ", i)" : "a" + v + "[i] = " + local)
                        .append(";\n");
            }
        }
    }

    /**
     * Emits statements in order. A variable's local is reassigned (so a reset inside the threshold's
     * block is seen after it); in vector mode under a {@code mask}, only the masked lanes take the new value.
     */
    private static void statements(List<Assignment> statements, ExprWriter writer, Map<String, String> symbol,
                                   StringBuilder body, String indent, String mask) {
        for (Assignment a : statements) {
            String value = writer.node(a.value());
            if (a.local()) {
                symbol.put(a.target(), value);
            } else {
                String local = symbol.get(a.target());
                body.append(indent).append(local).append(" = ")
                        .append(mask == null ? value : local + ".blend(" + value + ", " + mask + ")").append(";\n");
            }
        }
    }

    private static String lookup(Map<String, String> symbol, String name) {
        String local = symbol.get(name);
        if (local == null) {
            throw new IllegalArgumentException("the neuron program reads '" + name + "', which is neither one of its "
                    + "variables, a local assigned before, nor t");
        }
        return local;
    }
}

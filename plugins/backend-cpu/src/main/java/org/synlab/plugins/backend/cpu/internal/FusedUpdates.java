package org.synlab.plugins.backend.cpu.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.synlab.api.Kernel;
import org.synlab.api.expr.Expr;

/**
 * Several elementwise updates compiled into one generated loop ({@link FusedKernelSource#writeUpdates}):
 * the kernel of {@link org.synlab.api.Compute#kernel(java.util.SequencedMap, String...)}. Adam's three
 * updates of a parameter (m, v, w) then read g, m, v and w once and write m, v and w once, instead of
 * three passes that read ten arrays and write three. Each update is computed with the float operations
 * its own kernel would use, so the values are those of the passes one after the other. One class per
 * pattern of broadcast inputs, as {@link FusedKernel}.
 */
final class FusedUpdates implements Kernel {

    /** The generated loop: for i in [0, n), {@code outs[u][o + i]} = update u at element i. */
    public interface Body {
        void run(float[][] outs, int o, float[][] in, int[] at, float[] scalars, int n);
    }

    private final List<String> inputs;
    private final List<String> outputs;
    private final List<Expr> updates;
    /** Where each output's name sits among the inputs. */
    private final int[] outputInput;
    private final ConcurrentHashMap<Long, Body> bodies = new ConcurrentHashMap<>();

    FusedUpdates(List<String> inputs, List<String> outputs, List<Expr> updates) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.updates = List.copyOf(updates);
        this.outputInput = new int[outputs.size()];
        for (int u = 0; u < outputInput.length; u++) {
            outputInput[u] = inputs.indexOf(outputs.get(u));
        }
    }

    @Override
    public List<String> inputs() {
        return inputs;
    }

    /** The names updated, in order: the output tensors of apply. */
    List<String> outputs() {
        return outputs;
    }

    /** The input position of output {@code u}'s name. */
    int inputOf(int u) {
        return outputInput[u];
    }

    /** The compiled loop for inputs of which those flagged in {@code scalar} are broadcast values. */
    Body body(boolean[] scalar) {
        long key = 0;
        for (int j = 0; j < scalar.length; j++) {
            if (scalar[j]) {
                key |= 1L << j;
            }
        }
        return bodies.computeIfAbsent(key, k -> compile(scalar.clone()));
    }

    private Body compile(boolean[] scalar) {
        return Generated.compile("the generated updates " + outputs + " = " + updates, "SynlabUpdates",
                        name -> FusedKernelSource.writeUpdates(name, outputs, updates, inputs, scalar))
                .instance(Body.class, new Class<?>[0]);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("cpu kernel ").append(inputs).append(" -> ");
        for (int u = 0; u < outputs.size(); u++) {
            s.append(u == 0 ? "" : "; ").append(outputs.get(u)).append(" = ").append(updates.get(u));
        }
        return s.toString();
    }
}

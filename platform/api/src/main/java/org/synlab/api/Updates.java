package org.synlab.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.synlab.api.expr.Expr;

/**
 * {@link Compute}'s default for several updates in one kernel: one single-output kernel per update,
 * applied one after the other, each reading the outputs written before it in place of their inputs.
 */
record Updates(List<String> inputs, List<String> outputs, List<Kernel> steps) implements Kernel {

    static Kernel compile(Compute compute, SequencedMap<String, Expr> updates, String... inputs) {
        List<String> names = checkUpdates(updates, inputs);
        List<Kernel> steps = new ArrayList<>(names.size());
        for (Map.Entry<String, Expr> update : updates.entrySet()) {
            steps.add(compute.kernel(update.getValue(), inputs));
        }
        return new Updates(List.of(inputs), names, List.copyOf(steps));
    }

    static void apply(Compute compute, Kernel kernel, Tensor[] outs, Tensor... inputs) {
        if (!(kernel instanceof Updates updates)) {
            throw new IllegalArgumentException("apply: " + kernel + " was not compiled by " + compute.backend()
                    + "'s kernel(updates, inputs)");
        }
        if (outs == null || outs.length != updates.outputs.size()) {
            throw new IllegalArgumentException("apply: the kernel updates " + updates.outputs + ", got "
                    + (outs == null ? 0 : outs.length) + " output tensor(s)");
        }
        if (inputs == null || inputs.length != updates.inputs.size()) {
            throw new IllegalArgumentException("apply: the kernel takes input tensor(s) " + updates.inputs + ", got "
                    + (inputs == null ? 0 : inputs.length));
        }
        Tensor[] current = inputs.clone();
        for (int j = 0; j < outs.length; j++) {
            compute.apply(updates.steps.get(j), outs[j], current);
            current[updates.inputs.indexOf(updates.outputs.get(j))] = outs[j];
        }
    }

    /** The keys of {@code updates}, checked against the inputs. */
    static List<String> checkUpdates(SequencedMap<String, Expr> updates, String... inputs) {
        if (updates == null || updates.isEmpty()) {
            throw new IllegalArgumentException("a kernel of updates needs at least one update");
        }
        List<String> in = inputs == null ? List.of() : Arrays.asList(inputs);
        for (String key : updates.keySet()) {
            if (!in.contains(key)) {
                throw new IllegalArgumentException("update '" + key + "' is not among the kernel's inputs " + in);
            }
        }
        return List.copyOf(updates.keySet());
    }
}

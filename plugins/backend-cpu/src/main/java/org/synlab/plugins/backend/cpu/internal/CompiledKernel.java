package org.synlab.plugins.backend.cpu.internal;

import java.util.List;
import org.synlab.api.Kernel;

/**
 * An expression compiled twice: to a tree of float nodes (the element-at-a-time reference, and how
 * constants are folded) and to the generated loops of a {@link FusedKernel} that {@code apply} runs.
 * Keeps the names of its inputs in apply order.
 */
final class CompiledKernel implements Kernel {

    private final List<String> inputs;
    private final FloatNode root;
    private final FusedKernel fused;
    private final String source;

    CompiledKernel(List<String> inputs, FloatNode root, FusedKernel fused, String source) {
        this.inputs = List.copyOf(inputs);
        this.root = root;
        this.fused = fused;
        this.source = source;
    }

    @Override
    public List<String> inputs() {
        return inputs;
    }

    FloatNode root() {
        return root;
    }

    FusedKernel fused() {
        return fused;
    }

    @Override
    public String toString() {
        return "cpu kernel " + inputs + " -> " + source;
    }
}

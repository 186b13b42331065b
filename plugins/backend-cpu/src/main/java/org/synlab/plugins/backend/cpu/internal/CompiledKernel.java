package org.synlab.plugins.backend.cpu.internal;

import java.util.List;
import org.synlab.api.Kernel;

/** An expression compiled to a tree of float nodes, with the names of its inputs in apply order. */
final class CompiledKernel implements Kernel {

    private final List<String> inputs;
    private final FloatNode root;
    private final String source;

    CompiledKernel(List<String> inputs, FloatNode root, String source) {
        this.inputs = List.copyOf(inputs);
        this.root = root;
        this.source = source;
    }

    @Override
    public List<String> inputs() {
        return inputs;
    }

    FloatNode root() {
        return root;
    }

    @Override
    public String toString() {
        return "cpu kernel " + inputs + " -> " + source;
    }
}

package org.synlab.engine;

/** A plugin part as a run refers to it: kind and name, e.g. {@code neuron:relu}. */
public record PartRef(PartKind kind, String name) {
    @Override
    public String toString() {
        return kind.label() + ":" + name;
    }
}

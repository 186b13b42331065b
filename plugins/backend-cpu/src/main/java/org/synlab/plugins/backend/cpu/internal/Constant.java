package org.synlab.plugins.backend.cpu.internal;

/** A node whose value is known at compile time; the compiler folds operations on constants. */
record Constant(float value) implements FloatNode {

    @Override
    public float eval(float[] x) {
        return value;
    }
}

package org.synlab.plugins.backend.cpu.internal;

/**
 * One node of a compiled elementwise expression. {@code x} holds the current element's inputs in
 * the kernel's input order; evaluation is plain float arithmetic, with no lookups or boxing.
 */
@FunctionalInterface
interface FloatNode {

    float eval(float[] x);
}

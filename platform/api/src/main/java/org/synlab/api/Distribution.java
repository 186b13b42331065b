package org.synlab.api;

/** Distributions of {@link Compute#random}. */
public enum Distribution {
    /** Uniform on [a, b). */
    UNIFORM,
    /** Normal with mean a and standard deviation b. */
    NORMAL
}

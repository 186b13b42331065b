package org.synlab.plugins.learning.plasticity.internal;

/** Parameter files give time constants in ms; the states work in seconds, like {@code dt}. */
public final class Seconds {

    private Seconds() {
    }

    public static double ofMs(double ms) {
        return ms * 1e-3;
    }
}

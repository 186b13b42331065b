package org.synlab.plugins.learning.plasticity.internal;

/**
 * How a weight change depends on the weight, and the bounds it is clipped to. Additive: a change of {@code a} moves
 * the weight by {@code a}, then the weight is clipped to {@code [wMin, wMax]} (Song, Miller and Abbott 2000).
 * Multiplicative (weight-dependent, van Rossum et al. 2000; Gütig et al. 2003 with mu = 1): potentiation is scaled
 * by the room left, {@code wMax - w}, depression by {@code w - wMin}, so the weight approaches the bounds softly
 * and never crosses them.
 */
public final class Bounds {

    private final float wMin;
    private final float wMax;
    private final boolean multiplicative;

    public Bounds(double wMin, double wMax, boolean multiplicative) {
        if (!(wMax >= wMin)) {
            throw new IllegalArgumentException("w_max " + wMax + " is below w_min " + wMin);
        }
        this.wMin = (float) wMin;
        this.wMax = (float) wMax;
        this.multiplicative = multiplicative;
    }

    /** The weight after potentiation by {@code amount >= 0}. */
    public float potentiate(float w, float amount) {
        return clip(w + amount * (multiplicative ? wMax - w : 1f));
    }

    /** The weight after depression by {@code amount >= 0}. */
    public float depress(float w, float amount) {
        return clip(w - amount * (multiplicative ? w - wMin : 1f));
    }

    /** The weight after a signed change (potentiation if positive). */
    public float change(float w, float amount) {
        return amount >= 0f ? potentiate(w, amount) : depress(w, -amount);
    }

    private float clip(float w) {
        return Math.min(wMax, Math.max(wMin, w));
    }
}

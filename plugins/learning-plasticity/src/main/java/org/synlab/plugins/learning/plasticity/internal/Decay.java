package org.synlab.plugins.learning.plasticity.internal;

/**
 * The factor {@code exp(-n dt / tau)} by which an exponential trace shrinks over {@code n} steps, rounded to
 * float32. Gaps up to a table's length come from the table (most reads are a few time constants after the last
 * spike); beyond {@value #UNDERFLOW} time constants the float32 value is exactly 0 and is returned without work
 * (neurons silent for long are the common case); in between, {@link Math#exp}. All three give the same float32
 * rounding of the double-precision value, so the result does not depend on which path served it.
 */
public final class Decay {

    /** exp(-110) = 1.7e-48 is below float32's smallest subnormal (1.4e-45): it rounds to 0. */
    private static final double UNDERFLOW = 110;
    private static final int MAX_TABLE = 8192;
    private final double stepsOverTau;
    private final long zeroFrom;
    private final float[] table;

    /**
     * @param tau time constant in seconds, {@code > 0}
     * @param dt  step in seconds
     */
    public Decay(double tau, double dt) {
        if (!(tau > 0) || !(dt > 0)) {
            throw new IllegalArgumentException("time constant " + tau + " s and step " + dt + " s must be positive");
        }
        this.stepsOverTau = dt / tau;
        this.zeroFrom = (long) Math.ceil(UNDERFLOW / stepsOverTau);
        this.table = new float[(int) Math.min(MAX_TABLE, zeroFrom)];
        for (int n = 0; n < table.length; n++) {
            table[n] = (float) Math.exp(-n * stepsOverTau);
        }
    }

    /** {@code exp(-steps dt / tau)} for {@code steps >= 0}. */
    public float over(long steps) {
        if (steps < table.length) {
            return table[(int) steps];
        }
        return steps >= zeroFrom ? 0f : (float) Math.exp(-steps * stepsOverTau);
    }
}

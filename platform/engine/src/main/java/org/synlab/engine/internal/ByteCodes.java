package org.synlab.engine.internal;

/**
 * A table's inputs as 8-bit codes, when every input is exactly {@code (float) code / divisor} for a code in
 * [0, 255] and one divisor: the form of 8-bit images scaled to [0, 1], as MNIST's and Fashion-MNIST's
 * pixels are ({@code code / 255f}). Gathering a shuffled batch from the codes
 * ({@link org.synlab.api.Compute#uploadByteRows}) moves a quarter of the bytes the float table does, and
 * the batch holds the very same floats, since each was checked to be that quotient bit for bit.
 *
 * <p>Why: a shuffled batch's rows come from anywhere in a table far larger than the caches (MNIST's
 * training split is 188 MB as floats), so copying them waits on memory. On MNIST batches of 64 rows,
 * gathering from the floats took 31 us and decoding the codes 17 us in JMH ({@code BatchGatherBenchmark}),
 * and 40-47 us against 8-10 us in a loop that stirred the caches between batches, in a training step of about
 * 240 us.
 */
record ByteCodes(byte[] codes, float divisor) {

    private static final int MAX_CODE = 255;

    /**
     * The values whose smallest positive one sets the divisor: a prefix is enough for 8-bit images, where
     * code 1 is everywhere, and a whole pass to find it cost as much as the check itself (50-150 ms for
     * MNIST's 47 million values). A prefix that misses the finest step only costs the byte copy: the check
     * then fails and the floats are gathered.
     */
    static final int DIVISOR_SAMPLE = 1 << 20;

    /**
     * The codes of {@code x}, or null when some value is not a code's quotient: negative, not finite, a
     * negative zero, or off the grid that the smallest positive value of the first
     * {@link #DIVISOR_SAMPLE} sets (its reciprocal, rounded, is the only divisor tried: code 1 is taken to
     * be present, as it is in any 8-bit image set).
     */
    static ByteCodes of(float[] x) {
        float smallest = Float.POSITIVE_INFINITY;
        for (int i = 0, n = Math.min(x.length, DIVISOR_SAMPLE); i < n; i++) {
            if (x[i] > 0f && x[i] < smallest) {
                smallest = x[i];
            }
        }
        float divisor = smallest == Float.POSITIVE_INFINITY ? 1f : (float) Math.rint(1.0 / smallest);
        if (!(divisor >= 1f)) {
            return null;
        }
        // each code's quotient, computed once: a value is a code when it has the very bits of one (which no
        // negative value, negative zero, NaN or infinity has)
        float[] quotients = new float[MAX_CODE + 1];
        for (int code = 0; code <= MAX_CODE; code++) {
            quotients[code] = code / divisor;
        }
        byte[] codes = new byte[x.length];
        int mismatch = 0;
        for (int i = 0; i < x.length; i++) {
            // the nearest code, or a wrong guess (a wrapped one past 255) that the comparison rejects; no
            // branch per value, so the loop runs at memory speed
            int code = (int) (x[i] * divisor + 0.5f) & MAX_CODE;
            mismatch |= Float.floatToRawIntBits(quotients[code]) ^ Float.floatToRawIntBits(x[i]);
            codes[i] = (byte) code;
        }
        return mismatch == 0 ? new ByteCodes(codes, divisor) : null;
    }

    /** The codes of the given rows of {@code features} codes each, in the given order. */
    ByteCodes subset(int[] rows, int features) {
        byte[] kept = new byte[Math.multiplyExact(rows.length, features)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(codes, rows[i] * features, kept, i * features, features);
        }
        return new ByteCodes(kept, divisor);
    }
}

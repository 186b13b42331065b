package org.synlab.api.random;

/**
 * Philox-4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011): a keyed
 * bijection from a 128-bit counter to four 32-bit random words. Any block can be computed on its
 * own, which is what makes random tensors independent of threads and call order; GPU libraries
 * (cuRAND, rocRAND) implement the same function, so a GPU backend can reproduce these streams.
 */
public final class Philox {

    private static final long M0 = 0xD2511F53L;
    private static final long M1 = 0xCD9E8D57L;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;
    private static final long LOW32 = 0xFFFFFFFFL;

    private Philox() {
    }

    /** Writes the four words for counter {@code (c0, c1, c2, c3)} under key {@code (k0, k1)} into {@code out}. */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int round = 0; round < 10; round++) {
            long p0 = M0 * (c0 & LOW32);
            long p1 = M1 * (c2 & LOW32);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n1 = (int) p1;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            int n3 = (int) p0;
            c0 = n0;
            c1 = n1;
            c2 = n2;
            c3 = n3;
            k0 += W0;
            k1 += W1;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }

    /** The block for a 64-bit position within a 64-bit stream, keyed by the run's 64-bit seed. */
    public static void block(long position, long stream, long seed, int[] out) {
        block((int) position, (int) (position >>> 32), (int) stream, (int) (stream >>> 32),
                (int) seed, (int) (seed >>> 32), out);
    }
}

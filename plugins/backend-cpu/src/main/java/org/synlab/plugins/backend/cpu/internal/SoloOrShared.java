package org.synlab.plugins.backend.cpu.internal;

/**
 * Chooses, from the measured time of a {@link WorkPool}'s own calls, whether they run faster shared with
 * the pool's helpers or on the calling thread alone, and measures again from time to time.
 *
 * <p>Why: on the 2-core build machine a 2-thread MNIST run either settled at 0.19-0.21 s per epoch or
 * stayed at about 0.41 s for the whole run, from one launch to the next, against 0.23-0.26 s on one
 * thread; which one happened did not depend on the run. A pool that measures both ways keeps the faster.
 * A measurement alternates stretches of {@link #STRETCH} calls shared and alone, {@link #PAIRS} of each,
 * and compares the sums: a training step repeats the same few calls, so stretches hold the same work,
 * and alternating keeps a slow moment (the JIT compiling beside the run, a collection) from landing on
 * one way only. Helpers never change what a call computes, so the choice changes no result.
 *
 * <p>Not thread-safe: the pool's caller records and asks, one call at a time.
 */
final class SoloOrShared {

    /** Calls per measured stretch. */
    static final int STRETCH = 128;
    /** Stretches of each way per measurement. */
    static final int PAIRS = 2;
    /** Calls run the chosen way before both are measured again (about an MNIST epoch on 2 threads). */
    static final int CHOSEN_CALLS = 4096;
    /** The calling thread alone is chosen only if it took less than this share of the shared stretches' time. */
    static final double SOLO_MARGIN = 0.9;

    private boolean measuring = true;
    /** During a measurement, the stretch under way: even ones are shared, odd ones alone. */
    private int stretch;
    private int calls;
    private long sharedNanos;
    private long soloNanos;
    private boolean soloChosen;

    /** Whether the next call should run on the calling thread alone. */
    boolean solo() {
        return measuring ? (stretch & 1) == 1 : soloChosen;
    }

    /** Records the time of a call made the way {@link #solo()} said. */
    void record(long callNanos) {
        calls++;
        if (!measuring) {
            if (calls == CHOSEN_CALLS) {
                measuring = true;
                calls = 0;
                stretch = 0;
                sharedNanos = 0;
                soloNanos = 0;
            }
            return;
        }
        if ((stretch & 1) == 1) {
            soloNanos += callNanos;
        } else {
            sharedNanos += callNanos;
        }
        if (calls == STRETCH) {
            calls = 0;
            if (++stretch == 2 * PAIRS) {
                soloChosen = soloNanos < SOLO_MARGIN * sharedNanos;
                measuring = false;
            }
        }
    }
}

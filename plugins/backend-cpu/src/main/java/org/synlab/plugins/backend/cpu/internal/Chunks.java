package org.synlab.plugins.backend.cpu.internal;

/**
 * Work-splitting sizes. Where a split changes a result (the partial sums of a reduction, random
 * blocks), it is fixed and independent of the thread count; operations whose every output element is
 * computed alone may split by thread count ({@link #even}) for balance.
 */
final class Chunks {

    /** Elements per task of reductions and random fills: fixed, so their results never depend on threads. */
    static final int ELEMENTS = 1 << 17;

    private Chunks() {
    }

    /**
     * How many tasks to cut {@code total} items into, for operations whose results do not depend on
     * the cut: pieces of about {@code per} items, their number rounded up to a multiple of
     * {@code threads} so that the threads finish together (with 7 tasks on 2 threads, one thread
     * idled for a whole task at the end of every Adam update).
     */
    static int even(int total, int per, int threads) {
        int tasks = count(total, per);
        if (threads > 1 && tasks > 1) {
            tasks = count(tasks, threads) * threads;
        }
        return Math.min(tasks, Math.max(total, 1));
    }

    /** How many pieces of at most {@code per} items cover {@code total} items. */
    static int count(int total, int per) {
        return total == 0 ? 0 : (int) ((total + (long) per - 1) / per);
    }
}

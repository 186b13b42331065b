package org.synlab.plugins.backend.cpu.internal;

/** Fixed work-splitting sizes, deliberately independent of the thread count. */
final class Chunks {

    /**
     * Elements per task for streaming operations. Handing a task to another thread and waiting for it
     * costs tens of microseconds on this kind of machine (measured: a whole MLP training step got 33%
     * slower on 2 threads than on 1 with 16k-element tasks), so a task must be big enough to pay for
     * that: operations on fewer elements (an MLP's layers and optimiser updates) run on the caller.
     */
    static final int ELEMENTS = 1 << 17;

    private Chunks() {
    }

    /** How many pieces of at most {@code per} items cover {@code total} items. */
    static int count(int total, int per) {
        return total == 0 ? 0 : (int) ((total + (long) per - 1) / per);
    }
}

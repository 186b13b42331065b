package org.synlab.plugins.backend.cpu.internal;

/** Fixed work-splitting sizes, deliberately independent of the thread count. */
final class Chunks {

    /**
     * Elements per task for streaming operations: large enough that handing a task to another thread
     * costs little next to doing it, small enough to spread a few hundred thousand elements.
     */
    static final int ELEMENTS = 1 << 14;

    private Chunks() {
    }

    /** How many pieces of at most {@code per} items cover {@code total} items. */
    static int count(int total, int per) {
        return total == 0 ? 0 : (int) ((total + (long) per - 1) / per);
    }
}

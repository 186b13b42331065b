package org.synlab.engine.internal;

/**
 * Names the random streams of a run. Each use of randomness (weight initialisation, dropout of a
 * layer at a step) gets its own stream id, so the numbers it draws do not depend on what else drew
 * numbers before it: a seeded run reproduces exactly, however it is scheduled.
 */
final class Streams {

    private Streams() {
    }

    /** A stream id from a purpose (8 bits), a layer (16 bits) and a counter (40 bits). */
    static long of(long purpose, int layer, long counter) {
        return (purpose << 56) ^ ((long) (layer & 0xFFFF) << 40) ^ (counter & 0xFF_FFFF_FFFFL);
    }
}

package org.synlab.spiking.internal;

/**
 * Philox stream numbers: one per purpose and part of the network, so that no two draws of a run ever share a
 * (stream, position) pair and adding a draw to one part never shifts another part's numbers.
 */
public final class Streams {

    /** Initial value of a state variable: part = population index, sub = variable index. */
    public static final int INITIAL = 1;
    /** Which pairs a connector picks: part = projection index. */
    public static final int CONNECT = 2;
    /** Synapse weights: part = projection index. */
    public static final int WEIGHT = 3;
    /** Synapse delays: part = projection index. */
    public static final int DELAY = 4;
    /** Poisson spikes: part = population index. */
    public static final int POISSON = 5;
    /** Noise currents: part = index of the noise input. */
    public static final int NOISE = 6;

    private Streams() {
    }

    /** The stream for {@code kind}, {@code part} and {@code sub} (each part below 2^32, each sub below 2^16). */
    public static long of(int kind, int part, int sub) {
        return ((long) kind << 56) | ((part & 0xFFFF_FFFFL) << 16) | (sub & 0xFFFFL);
    }
}

package org.synlab.spiking;

/**
 * How a projection picks its synapses (PyNN's connectors). Every connector is built deterministically from the
 * network seed and never creates the same (pre, post) pair twice. {@code allowSelf} only matters when a projection
 * connects a population to itself: it says whether neuron {@code i} may connect to neuron {@code i}.
 */
public sealed interface Connector {

    /** Every presynaptic neuron to every postsynaptic neuron. */
    static Connector allToAll(boolean allowSelf) {
        return new AllToAll(allowSelf);
    }

    /**
     * Every presynaptic neuron {@code i} to every postsynaptic neuron {@code j != i}, between two populations of the
     * same size or within one: the complement of {@link #oneToOne()}, as Diehl and Cook's inhibitory neuron {@code
     * i} inhibits every excitatory neuron but its own partner {@code i}.
     */
    static Connector allButSelf() {
        return new AllButSelf();
    }

    /** Neuron {@code i} to neuron {@code i}; both populations must have the same size. */
    static Connector oneToOne() {
        return new OneToOne();
    }

    /** Each (pre, post) pair independently with probability {@code p}. */
    static Connector fixedProbability(double p, boolean allowSelf) {
        return new FixedProbability(p, allowSelf);
    }

    /** Each postsynaptic neuron gets exactly {@code k} distinct presynaptic partners, chosen uniformly. */
    static Connector fixedInDegree(int k, boolean allowSelf) {
        return new FixedInDegree(k, allowSelf);
    }

    /** All pairs. */
    record AllToAll(boolean allowSelf) implements Connector {
    }

    /** All pairs (i, j) with j != i. */
    record AllButSelf() implements Connector {
    }

    /** Pairs (i, i). */
    record OneToOne() implements Connector {
    }

    /** Bernoulli per pair. */
    record FixedProbability(double p, boolean allowSelf) implements Connector {
        public FixedProbability {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("connection probability must be in [0, 1], got " + p);
            }
        }
    }

    /** Exactly {@code k} distinct partners per target. */
    record FixedInDegree(int k, boolean allowSelf) implements Connector {
        public FixedInDegree {
            if (k < 0) {
                throw new IllegalArgumentException("in-degree must be >= 0, got " + k);
            }
        }
    }
}

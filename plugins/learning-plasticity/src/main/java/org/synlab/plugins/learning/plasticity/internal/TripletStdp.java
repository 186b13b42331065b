package org.synlab.plugins.learning.plasticity.internal;

import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.Synapses;

/**
 * Triplet STDP (Pfister and Gerstner 2006). Each presynaptic neuron has traces {@code r1} (time constant
 * {@code tauPlus}) and {@code r2} ({@code tauX}), each postsynaptic neuron {@code o1} ({@code tauMinus}) and
 * {@code o2} ({@code tauY}); every spike adds 1 to its neuron's two traces (all-to-all) or sets them to 1
 * (nearest-spike), after the update it causes. At a presynaptic spike, {@code w -= o1 (a2Minus + a3Minus r2)}; at a postsynaptic spike,
 * {@code w += r1 (a2Plus + a3Plus o2)}, where {@code r2} and {@code o2} are read just before the spike's own
 * increment ({@code t - ε} in the paper). The {@code a3Plus} term makes potentiation grow with the postsynaptic
 * rate (a post spike shortly after an earlier post spike potentiates more), which the pair rule cannot.
 */
public final class TripletStdp implements Plasticity {

    /** The amplitudes, in weight units. */
    public record Amplitudes(double a2Plus, double a3Plus, double a2Minus, double a3Minus) {
    }

    /** The time constants, in seconds. */
    public record TimeConstants(double tauPlus, double tauMinus, double tauX, double tauY) {
    }

    private final float[] weight;
    private final int[] pre;
    private final Incoming incoming;
    private final Trace r1;
    private final Trace r2;
    private final Trace o1;
    private final Trace o2;
    private final float a2Plus;
    private final float a3Plus;
    private final float a2Minus;
    private final float a3Minus;
    private final Bounds bounds;
    private final boolean nearest;
    private final Normaliser normaliser;
    private final RowDepression depression;

    /**
     * @param nearest        nearest-spike traces (reset to 1) instead of all-to-all (add 1)
     * @param normaliseTotal the sum each neuron's incoming weights are scaled to before each pattern, or 0 for none
     */
    public TripletStdp(Synapses synapses, double dt, Amplitudes a, TimeConstants tau, Bounds bounds, boolean nearest,
            double normaliseTotal) {
        this.weight = synapses.weight();
        this.pre = synapses.pre();
        this.incoming = Incoming.of(synapses);
        this.r1 = new Trace(synapses.preSize(), new Decay(tau.tauPlus(), dt));
        this.r2 = new Trace(synapses.preSize(), new Decay(tau.tauX(), dt));
        this.o1 = new Trace(synapses.postSize(), new Decay(tau.tauMinus(), dt));
        this.o2 = new Trace(synapses.postSize(), new Decay(tau.tauY(), dt));
        this.a2Plus = (float) a.a2Plus();
        this.a3Plus = (float) a.a3Plus();
        this.a2Minus = (float) a.a2Minus();
        this.a3Minus = (float) a.a3Minus();
        this.bounds = bounds;
        this.nearest = nearest;
        this.normaliser = normaliseTotal > 0 ? new Normaliser(synapses, incoming, normaliseTotal) : null;
        this.depression = new RowDepression(synapses, o1, bounds);
    }

    @Override
    public void preSpike(int neuron, int begin, int end, long step) {
        depression.apply(neuron, begin, end, step, a2Minus + a3Minus * r2.at(neuron, step));
        r1.spike(neuron, step, nearest);
        r2.spike(neuron, step, nearest);
    }

    @Override
    public void postSpike(int neuron, long step) {
        float amplitude = a2Plus + a3Plus * o2.at(neuron, step);
        for (int k = incoming.begin(neuron), end = incoming.end(neuron); k < end; k++) {
            int s = incoming.synapse(k);
            float x = r1.at(pre[s], step);
            if (x != 0f) {
                weight[s] = bounds.potentiate(weight[s], x * amplitude);
            }
        }
        o1.spike(neuron, step, nearest);
        o2.spike(neuron, step, nearest);
        depression.postSpiked(neuron);
    }

    @Override
    public void beforePattern(long step) {
        if (normaliser != null) {
            normaliser.apply();
        }
    }
}

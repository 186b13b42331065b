package org.synlab.plugins.learning.plasticity.internal;

import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.Synapses;

/**
 * Pair STDP with one trace per presynaptic neuron (time constant {@code tauPlus}) and one per postsynaptic neuron
 * ({@code tauMinus}). At a presynaptic spike every synapse of its row is depressed by {@code aMinus x_post}
 * (streaming along the row); at a postsynaptic spike every incoming synapse is potentiated by {@code aPlus x_pre}
 * (through the reverse index). A single pair at {@code Δt = t_post - t_pre} therefore changes the weight by
 * {@code aPlus exp(-Δt/tauPlus)} for {@code Δt >= 0} and {@code -aMinus exp(Δt/tauMinus)} for {@code Δt < 0}
 * (additive form). Traces decay lazily (one decay per neuron and step at most, see {@link Trace}), so the work is
 * proportional to the synapses of the neurons that spike; silent neurons and synapses cost nothing.
 */
public final class PairStdp implements Plasticity {

    private final float[] weight;
    private final int[] pre;
    private final Incoming incoming;
    private final Trace preTrace;
    private final Trace postTrace;
    private final float aPlus;
    private final float aMinus;
    private final boolean nearest;
    private final Bounds bounds;
    private final Normaliser normaliser;
    private final RowDepression depression;

    /**
     * @param normaliseTotal the sum each neuron's incoming weights are scaled to before each pattern, or 0 for none
     */
    public PairStdp(Synapses synapses, double dt, double aPlus, double aMinus, double tauPlus, double tauMinus,
            boolean nearest, Bounds bounds, double normaliseTotal) {
        this.weight = synapses.weight();
        this.pre = synapses.pre();
        this.incoming = Incoming.of(synapses);
        this.preTrace = new Trace(synapses.preSize(), new Decay(tauPlus, dt));
        this.postTrace = new Trace(synapses.postSize(), new Decay(tauMinus, dt));
        this.aPlus = (float) aPlus;
        this.aMinus = (float) aMinus;
        this.nearest = nearest;
        this.bounds = bounds;
        this.normaliser = normaliseTotal > 0 ? new Normaliser(synapses, incoming, normaliseTotal) : null;
        this.depression = new RowDepression(synapses, postTrace, bounds);
    }

    @Override
    public void preSpike(int neuron, int begin, int end, long step) {
        depression.apply(neuron, begin, end, step, aMinus);
        preTrace.spike(neuron, step, nearest);
    }

    @Override
    public void postSpike(int neuron, long step) {
        for (int k = incoming.begin(neuron), end = incoming.end(neuron); k < end; k++) {
            int s = incoming.synapse(k);
            float x = preTrace.at(pre[s], step);
            if (x != 0f) {
                weight[s] = bounds.potentiate(weight[s], aPlus * x);
            }
        }
        postTrace.spike(neuron, step, nearest);
        depression.postSpiked(neuron);
    }

    @Override
    public void beforePattern(long step) {
        if (normaliser != null) {
            normaliser.apply();
        }
    }
}

package org.synlab.plugins.learning.plasticity.internal;

import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.Synapses;

/**
 * Reward-modulated STDP (Izhikevich 2007; Frémaux and Gerstner 2016): pair STDP writes into an eligibility trace
 * {@code e} per synapse instead of the weight ({@code e += aPlus x_pre} at a post spike, {@code e -= aMinus
 * x_post} at a pre spike); {@code e} decays with {@code tauE}, lazily from the step it last changed. A reward
 * {@code r} at step {@code t} moves every weight by {@code eta r e(t)}, clipped to the bounds. Without reward the
 * weights never change. Spikes cost what they cost in pair STDP; a reward touches every synapse (rewards are rare
 * events, e.g. one per trial).
 */
public final class RewardStdp implements Plasticity {

    private final float[] weight;
    private final int[] pre;
    private final int[] post;
    private final int count;
    private final Incoming incoming;
    private final Trace preTrace;
    private final Trace postTrace;
    private final float[] eligibility;
    private final long[] lastChange;
    private final Decay eligibilityDecay;
    private final float aPlus;
    private final float aMinus;
    private final float eta;
    private final Bounds bounds;

    public RewardStdp(Synapses synapses, double dt, double aPlus, double aMinus, double tauPlus, double tauMinus,
            double tauE, double eta, Bounds bounds) {
        this.weight = synapses.weight();
        this.pre = synapses.pre();
        this.post = synapses.post();
        this.count = synapses.count();
        this.incoming = Incoming.of(synapses);
        this.preTrace = new Trace(synapses.preSize(), new Decay(tauPlus, dt));
        this.postTrace = new Trace(synapses.postSize(), new Decay(tauMinus, dt));
        this.eligibility = new float[count];
        this.lastChange = new long[count];
        this.eligibilityDecay = new Decay(tauE, dt);
        this.aPlus = (float) aPlus;
        this.aMinus = (float) aMinus;
        this.eta = (float) eta;
        this.bounds = bounds;
    }

    @Override
    public void preSpike(int neuron, int begin, int end, long step) {
        for (int s = begin; s < end; s++) {
            float x = postTrace.at(post[s], step);
            if (x != 0f) {
                addEligibility(s, -aMinus * x, step);
            }
        }
        preTrace.spike(neuron, step, false);
    }

    @Override
    public void postSpike(int neuron, long step) {
        for (int k = incoming.begin(neuron), end = incoming.end(neuron); k < end; k++) {
            int s = incoming.synapse(k);
            float x = preTrace.at(pre[s], step);
            if (x != 0f) {
                addEligibility(s, aPlus * x, step);
            }
        }
        postTrace.spike(neuron, step, false);
    }

    @Override
    public void reward(double value, long step) {
        if (value == 0) {
            return;
        }
        float r = (float) value;
        for (int s = 0; s < count; s++) {
            float e = eligibilityAt(s, step);
            if (e != 0f) {
                weight[s] = bounds.change(weight[s], eta * r * e);
            }
        }
    }

    /** The eligibility of synapse {@code s} at {@code step}. */
    public float eligibility(int s, long step) {
        return eligibilityAt(s, step);
    }

    private float eligibilityAt(int s, long step) {
        float e = eligibility[s];
        return e == 0f ? 0f : e * eligibilityDecay.over(step - lastChange[s]);
    }

    private void addEligibility(int s, float amount, long step) {
        eligibility[s] = eligibilityAt(s, step) + amount;
        lastChange[s] = step;
    }
}

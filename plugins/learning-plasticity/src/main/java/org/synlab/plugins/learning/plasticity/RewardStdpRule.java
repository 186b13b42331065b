package org.synlab.plugins.learning.plasticity;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.LearningRule;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.SpikingRule;
import org.synlab.api.plasticity.Synapses;
import org.synlab.plugins.learning.plasticity.internal.Bounds;
import org.synlab.plugins.learning.plasticity.internal.RewardStdp;
import org.synlab.plugins.learning.plasticity.internal.Seconds;

/**
 * Reward-modulated STDP (Izhikevich 2007, Cereb. Cortex 17:2443; Frémaux and Gerstner 2016). Each synapse keeps an
 * eligibility trace {@code e} that pair STDP (all-to-all, additive) writes into instead of the weight, and that
 * decays with {@code tau_e}:
 * <pre>
 *   post spike:  e += a_plus  x_pre      pre spike:  e -= a_minus x_post      de/dt = -e / tau_e
 *   reward r at step t (set by the runtime through Plasticity.reward):  w += eta r e(t), clipped to [w_min, w_max]
 * </pre>
 * so a pre-post pair followed by a reward {@code T} later changes the weight by
 * {@code eta r a_plus exp(-Δt/tau_plus) exp(-T/tau_e)}, and nothing changes without reward.
 */
@Component(service = LearningRule.class)
public class RewardStdpRule implements SpikingRule {

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number("a_plus", 0.01, "weight", 0.0, null, "eligibility added by a pre-post pair at Δt = 0")
            .number("a_minus", 0.0105, "weight", 0.0, null, "eligibility removed by a post-pre pair at Δt -> 0")
            .number("tau_plus", 20.0, "ms", 1e-3, null, "time constant of the presynaptic trace")
            .number("tau_minus", 20.0, "ms", 1e-3, null, "time constant of the postsynaptic trace")
            .number("tau_e", 1000.0, "ms", 1e-3, null, "time constant of the eligibility trace (Izhikevich: 1 s)")
            .number("eta", 1.0, "1", 0.0, null, "learning rate: weight change per unit of reward and eligibility")
            .number("w_min", 0.0, "weight", null, null, "lower weight bound")
            .number("w_max", 1.0, "weight", null, null, "upper weight bound")
            .build();

    @Override
    public String name() {
        return "rstdp";
    }

    @Override
    public String description() {
        return "Reward-modulated STDP: pair STDP into a decaying eligibility trace, turned into weight by a reward";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Plasticity attach(Synapses synapses, Params params, double dt) {
        return new RewardStdp(synapses, dt, params.number("a_plus"), params.number("a_minus"),
                Seconds.ofMs(params.number("tau_plus")), Seconds.ofMs(params.number("tau_minus")),
                Seconds.ofMs(params.number("tau_e")), params.number("eta"),
                new Bounds(params.number("w_min"), params.number("w_max"), false));
    }
}

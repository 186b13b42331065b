package org.synlab.plugins.learning.plasticity;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.synlab.api.LearningRule;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.SpikingRule;
import org.synlab.api.plasticity.Synapses;
import org.synlab.plugins.learning.plasticity.internal.Bounds;
import org.synlab.plugins.learning.plasticity.internal.PairStdp;
import org.synlab.plugins.learning.plasticity.internal.Seconds;

/**
 * Pair STDP with pre- and postsynaptic traces (Song, Miller and Abbott 2000; Morrison, Diesmann and Gerstner 2008).
 * One pair, presynaptic spike at {@code t_pre}, postsynaptic at {@code t_post}, {@code Δt = t_post - t_pre}:
 * <pre>
 *   Δw = +a_plus  exp(-Δt / tau_plus)    for Δt >= 0   (pre before post: potentiation)
 *   Δw = -a_minus exp( Δt / tau_minus)   for Δt <  0   (post before pre: depression)
 * </pre>
 * in the additive form; the multiplicative form scales potentiation by {@code (w_max - w)} and depression by
 * {@code (w - w_min)}. With {@code pairing: all-to-all} every earlier spike of the other side contributes (traces
 * add 1 per spike); with {@code nearest} only the latest one does (traces reset to 1). Weights are clipped to
 * {@code [w_min, w_max]}. With {@code normalise_total > 0}, each postsynaptic neuron's incoming weights are scaled
 * to sum to it before each pattern (Diehl and Cook 2015 use 78 for 784 inputs).
 *
 * <p>Defaults follow Song, Miller and Abbott (2000): {@code a_minus / a_plus = 1.05}, both time constants 20 ms,
 * with weights in [0, 1].
 */
@Component(service = LearningRule.class)
public class StdpRule implements SpikingRule {

    static final String A_PLUS = "a_plus";
    static final String A_MINUS = "a_minus";
    static final String TAU_PLUS = "tau_plus";
    static final String TAU_MINUS = "tau_minus";
    static final String W_MIN = "w_min";
    static final String W_MAX = "w_max";
    static final String PAIRING = "pairing";
    static final String DEPENDENCE = "weight_dependence";
    static final String NORMALISE = "normalise_total";

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number(A_PLUS, 0.01, "weight", 0.0, null, "potentiation amplitude: Δw of a pre-post pair at Δt = 0")
            .number(A_MINUS, 0.0105, "weight", 0.0, null, "depression amplitude: -Δw of a post-pre pair at Δt -> 0")
            .number(TAU_PLUS, 20.0, "ms", 1e-3, null, "time constant of the presynaptic trace (potentiation window)")
            .number(TAU_MINUS, 20.0, "ms", 1e-3, null, "time constant of the postsynaptic trace (depression window)")
            .number(W_MIN, 0.0, "weight", null, null, "lower weight bound")
            .number(W_MAX, 1.0, "weight", null, null, "upper weight bound")
            .text(PAIRING, "all-to-all", List.of("all-to-all", "nearest"), "which spike pairs interact")
            .text(DEPENDENCE, "additive", List.of("additive", "multiplicative"),
                    "additive: Δw independent of w; multiplicative: scaled by (w_max - w) or (w - w_min)")
            .number(NORMALISE, 0.0, "weight", 0.0, null,
                    "sum each neuron's incoming weights are scaled to before each pattern; 0 = off")
            .build();

    @Override
    public String name() {
        return "stdp";
    }

    @Override
    public String description() {
        return "Pair STDP with traces: all-to-all or nearest-spike, additive or multiplicative, bounded weights";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Plasticity attach(Synapses synapses, Params params, double dt) {
        Bounds bounds = new Bounds(params.number(W_MIN), params.number(W_MAX),
                params.text(DEPENDENCE).equals("multiplicative"));
        return new PairStdp(synapses, dt, params.number(A_PLUS), params.number(A_MINUS),
                Seconds.ofMs(params.number(TAU_PLUS)), Seconds.ofMs(params.number(TAU_MINUS)),
                params.text(PAIRING).equals("nearest"), bounds, params.number(NORMALISE));
    }
}

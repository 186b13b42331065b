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
import org.synlab.plugins.learning.plasticity.internal.Seconds;
import org.synlab.plugins.learning.plasticity.internal.TripletStdp;

/**
 * Triplet STDP (Pfister and Gerstner 2006, J. Neurosci. 26:9673):
 * <pre>
 *   at a presynaptic spike:  w -= o1 (a2_minus + a3_minus r2)     then r1 += 1, r2 += 1
 *   at a postsynaptic spike: w += r1 (a2_plus  + a3_plus  o2)     then o1 += 1, o2 += 1
 * </pre>
 * with presynaptic traces {@code r1} (tau_plus), {@code r2} (tau_x) and postsynaptic traces {@code o1}
 * (tau_minus), {@code o2} (tau_y), {@code r2} and {@code o2} read just before the spike's own increment. With
 * {@code pairing: nearest} a spike sets its traces to 1 instead of adding 1. Weights are clipped to
 * {@code [w_min, w_max]}; with {@code normalise_total > 0} each neuron's incoming weights are scaled to that sum
 * before each pattern.
 *
 * <p>Defaults: the <em>minimal</em> all-to-all model fitted to the visual-cortex data of Sjöström et al. (2001)
 * (Pfister and Gerstner 2006, table 4): {@code a2_plus = 0}, {@code a3_plus = 6.5e-3}, {@code a2_minus = 7.1e-3},
 * {@code a3_minus = 0}, {@code tau_y = 114 ms}, with the pair time constants {@code tau_plus = 16.8 ms} and
 * {@code tau_minus = 33.7 ms} of Bi and Poo. {@code tau_x} matters only when {@code a3_minus > 0}; its default is
 * the full model's 101 ms (the full all-to-all visual-cortex fit is {@code a2_plus = 5e-10, a3_plus = 6.2e-3,
 * a2_minus = 7e-3, a3_minus = 2.3e-4, tau_x = 101 ms, tau_y = 125 ms}).
 *
 * <p><b>Diehl and Cook (2015).</b> Their input-to-excitatory rule is this rule with nearest-spike traces:
 * {@code pairing: nearest, a2_plus: 0, a3_plus: 0.01 (nu_post), a2_minus: 0.0001 (nu_pre), a3_minus: 0,
 * tau_plus: 20, tau_minus: 20, tau_y: 40, w_min: 0, w_max: 1, normalise_total: 78}: on a presynaptic spike
 * {@code w -= nu_pre post1}, on a postsynaptic spike {@code w += nu_post pre post2} (with {@code post2} read before
 * its reset), traces reset to 1 at their own spikes.
 */
@Component(service = LearningRule.class)
public class TripletStdpRule implements SpikingRule {

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number("a2_plus", 0.0, "weight", 0.0, null, "pair potentiation amplitude")
            .number("a3_plus", 6.5e-3, "weight", 0.0, null, "triplet potentiation amplitude (post-pre-post)")
            .number("a2_minus", 7.1e-3, "weight", 0.0, null, "pair depression amplitude")
            .number("a3_minus", 0.0, "weight", 0.0, null, "triplet depression amplitude (pre-post-pre)")
            .number("tau_plus", 16.8, "ms", 1e-3, null, "time constant of presynaptic trace r1")
            .number("tau_minus", 33.7, "ms", 1e-3, null, "time constant of postsynaptic trace o1")
            .number("tau_x", 101.0, "ms", 1e-3, null, "time constant of presynaptic trace r2")
            .number("tau_y", 114.0, "ms", 1e-3, null, "time constant of postsynaptic trace o2")
            .number("w_min", 0.0, "weight", null, null, "lower weight bound")
            .number("w_max", 1.0, "weight", null, null, "upper weight bound")
            .text("pairing", "all-to-all", List.of("all-to-all", "nearest"),
                    "all-to-all: each spike adds 1 to its traces; nearest: it sets them to 1")
            .number("normalise_total", 0.0, "weight", 0.0, null,
                    "sum each neuron's incoming weights are scaled to before each pattern; 0 = off")
            .build();

    @Override
    public String name() {
        return "stdp-triplet";
    }

    @Override
    public String description() {
        return "Triplet STDP (Pfister and Gerstner 2006): minimal all-to-all visual-cortex fit by default";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Plasticity attach(Synapses synapses, Params params, double dt) {
        var amplitudes = new TripletStdp.Amplitudes(params.number("a2_plus"), params.number("a3_plus"),
                params.number("a2_minus"), params.number("a3_minus"));
        var tau = new TripletStdp.TimeConstants(Seconds.ofMs(params.number("tau_plus")),
                Seconds.ofMs(params.number("tau_minus")), Seconds.ofMs(params.number("tau_x")),
                Seconds.ofMs(params.number("tau_y")));
        return new TripletStdp(synapses, dt, amplitudes, tau,
                new Bounds(params.number("w_min"), params.number("w_max"), false),
                params.text("pairing").equals("nearest"), params.number("normalise_total"));
    }
}

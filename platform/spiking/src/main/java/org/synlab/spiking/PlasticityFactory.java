package org.synlab.spiking;

import java.util.Objects;
import org.synlab.api.Params;
import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.SpikingRule;
import org.synlab.api.plasticity.Synapses;

/**
 * Makes the plasticity of a plastic {@link Projection}. The runtime calls it once per thread slice when it builds the
 * network: each slice holds the synapses onto one thread's range of postsynaptic neurons, with its own weight array,
 * and gets its own {@link Plasticity} state, so threads never share rule state. {@link Plasticity} says why that
 * gives the same weights as one state for the whole projection.
 */
@FunctionalInterface
public interface PlasticityFactory {

    /**
     * The state for one slice.
     *
     * @param synapses the slice's synapses: the runtime's own arrays, the weights changed in place
     * @param dtSeconds the simulation time step in seconds
     */
    Plasticity attach(Synapses synapses, double dtSeconds);

    /** A factory that attaches {@code rule} with {@code params} (already validated against its schema). */
    static PlasticityFactory of(SpikingRule rule, Params params) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(params, "params");
        return (synapses, dt) -> rule.attach(synapses, params, dt);
    }
}

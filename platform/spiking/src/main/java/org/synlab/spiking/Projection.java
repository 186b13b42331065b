package org.synlab.spiking;

import java.util.Objects;

/**
 * Synapses from one population to another. A spike of presynaptic neuron {@code i} at step {@code t} adds each
 * synapse's weight into variable {@code target} of its postsynaptic neuron at the start of step {@code t + d}, where
 * {@code d} is the synapse's delay in steps: {@code max(1, round(delayMs / dt))}. (A one-step delay is Brian2's
 * zero delay: the spike acts on the next step.) Projections with the same (post, target) share one delay buffer.
 *
 * <p>A plastic projection ({@link #withPlasticity}) changes its weights while the network runs: each step, after
 * its spikes have been delivered with the weights they had, its rule sees the presynaptic and postsynaptic spikes of
 * the step (see {@link org.synlab.api.plasticity.Plasticity} for the order). A spike on its way through a delay
 * keeps the weight it left with.
 *
 * @param name unique name
 * @param pre presynaptic population (a neuron population or a spike source)
 * @param post postsynaptic population (a neuron population)
 * @param connector which pairs are connected
 * @param target the post variable the weight is added to, e.g. {@code ge}, {@code gi}, {@code I}
 * @param sign excitatory or inhibitory (see {@link Sign} for what it constrains)
 * @param weight the weight of each synapse, constant or drawn per synapse
 * @param delayMs the delay of each synapse in milliseconds, constant or drawn per synapse
 * @param plasticity how the weights learn, or {@code null} for fixed weights
 */
public record Projection(String name, String pre, String post, Connector connector, String target, Sign sign,
        Value weight, Value delayMs, PlasticityFactory plasticity) {

    public Projection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pre, "pre of projection " + name);
        Objects.requireNonNull(post, "post of projection " + name);
        Objects.requireNonNull(connector, "connector of projection " + name);
        Objects.requireNonNull(target, "target of projection " + name);
        Objects.requireNonNull(sign, "sign of projection " + name);
        Objects.requireNonNull(weight, "weight of projection " + name);
        Objects.requireNonNull(delayMs, "delay of projection " + name);
        if (sign == Sign.EXCITATORY && !(weight instanceof Value.Normal) && weight.lowerBound() < 0) {
            throw new IllegalArgumentException("projection " + name + " is excitatory but its weight " + weight
                    + " can be negative");
        }
    }

    /** A projection with fixed weights. */
    public Projection(String name, String pre, String post, Connector connector, String target, Sign sign,
            Value weight, Value delayMs) {
        this(name, pre, post, connector, target, sign, weight, delayMs, null);
    }

    /** This projection with its weights changed by {@code plasticity} while the network runs. */
    public Projection withPlasticity(PlasticityFactory plasticity) {
        return new Projection(name, pre, post, connector, target, sign, weight, delayMs,
                Objects.requireNonNull(plasticity, "plasticity of projection " + name));
    }

    /** Whether the weights change while the network runs. */
    public boolean plastic() {
        return plasticity != null;
    }

    /** A projection named {@code pre->post:target}. */
    public static Projection of(String pre, String post, Connector connector, String target, Sign sign,
            Value weight, Value delayMs) {
        return new Projection(pre + "->" + post + ":" + target, pre, post, connector, target, sign, weight, delayMs);
    }
}

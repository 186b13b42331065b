package org.synlab.plugins.neurons.spiking;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.NeuronModel;
import org.synlab.api.eqs.SpikingModel;
import org.synlab.plugins.neurons.spiking.internal.EquationNeuron;

/**
 * The current-based leaky integrate-and-fire neuron with exponential synaptic currents, as in the
 * CUBA benchmark (Vogels and Abbott 2005; Brette et al. 2007; Brian2's CUBA example). The synaptic
 * currents {@code ge} and {@code gi} are written as the voltage they drive across the membrane
 * resistance (current times R), so synaptic weights are in mV: an excitatory spike adds its weight
 * to {@code ge}, an inhibitory one adds a negative weight to {@code gi}. {@code I} is an external
 * current (per neuron). With {@code vr = El} the f-I curve is
 * {@code f = 1/(tau_ref + tau_m ln(R I / (R I - (vt - El))))}.
 */
@Component(service = NeuronModel.class)
public class LifNeuron extends EquationNeuron {

    static final SpikingModel MODEL = SpikingModel.builder("lif")
            .equations("""
                    dv/dt = (El - v + ge + gi + R*I)/tau_m : volt (unless refractory)
                    dge/dt = -ge/tau_e : volt   # excitatory synaptic current times R
                    dgi/dt = -gi/tau_i : volt   # inhibitory synaptic current times R
                    I : amp                     # external input current
                    """)
            .threshold("v > vt")
            .reset("v = vr")
            .refractory("tau_ref")
            .parameter("tau_m", "20 ms", "membrane time constant")
            .parameter("El", "-60 mV", "leak reversal (resting) potential")
            .parameter("vt", "-50 mV", "spike threshold")
            .parameter("vr", "-60 mV", "reset potential")
            .parameter("R", "100 Mohm", "membrane resistance (input current I only)")
            .parameter("tau_ref", "5 ms", "refractory period")
            .parameter("tau_e", "5 ms", "excitatory synaptic time constant")
            .parameter("tau_i", "10 ms", "inhibitory synaptic time constant")
            .parameter("I", "0 nA", "external input current")
            .initial("v", "vr")
            .method("exponential_euler")
            .build();

    public LifNeuron() {
        super(MODEL, "Leaky integrate-and-fire, current based, exponential synaptic currents ge/gi (CUBA)");
    }
}

package org.synlab.plugins.neurons.spiking;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.NeuronModel;
import org.synlab.api.eqs.SpikingModel;
import org.synlab.plugins.neurons.spiking.internal.EquationNeuron;

/**
 * The conductance-based leaky integrate-and-fire neuron of the COBA benchmark (Vogels and Abbott
 * 2005; Brette et al. 2007, benchmark 1; Brian2's COBA example): exponentially decaying excitatory
 * and inhibitory conductances in siemens, so synaptic weights are in nS (the benchmark uses 6 nS
 * and 67 nS). The membrane capacitance is {@code gl * taum} (200 pF with the defaults).
 */
@Component(service = NeuronModel.class)
public class LifCondNeuron extends EquationNeuron {

    static final SpikingModel MODEL = SpikingModel.builder("lif-cond")
            .equations("""
                    dv/dt = (gl*(El - v) + ge*(Ee - v) + gi*(Ei - v) + I)/(gl*taum) : volt (unless refractory)
                    dge/dt = -ge/taue : siemens   # excitatory conductance
                    dgi/dt = -gi/taui : siemens   # inhibitory conductance
                    I : amp                       # external input current
                    """)
            .threshold("v > vt")
            .reset("v = vr")
            .refractory("tau_ref")
            .parameter("taum", "20 ms", "membrane time constant")
            .parameter("gl", "10 nS", "leak conductance")
            .parameter("El", "-60 mV", "leak reversal potential")
            .parameter("Ee", "0 mV", "excitatory reversal potential")
            .parameter("Ei", "-80 mV", "inhibitory reversal potential")
            .parameter("taue", "5 ms", "excitatory synaptic time constant")
            .parameter("taui", "10 ms", "inhibitory synaptic time constant")
            .parameter("vt", "-50 mV", "spike threshold")
            .parameter("vr", "-60 mV", "reset potential")
            .parameter("tau_ref", "5 ms", "refractory period")
            .parameter("I", "0 nA", "external input current")
            .initial("v", "vr")
            .method("exponential_euler")
            .build();

    public LifCondNeuron() {
        super(MODEL, "Leaky integrate-and-fire, conductance based, exponential conductances ge/gi (COBA)");
    }
}

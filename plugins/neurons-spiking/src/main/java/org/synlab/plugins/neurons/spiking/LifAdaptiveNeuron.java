package org.synlab.plugins.neurons.spiking;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.NeuronModel;
import org.synlab.api.eqs.SpikingModel;
import org.synlab.plugins.neurons.spiking.internal.EquationNeuron;

/**
 * The excitatory neuron of Diehl and Cook (2015, Front. Comput. Neurosci. 9:99): a conductance-based LIF whose
 * threshold {@code vt + theta} rises by {@code theta_plus} with every spike and decays back with {@code tau_theta}
 * (10^4 s, so over a training run it only climbs where a neuron fires a lot). That homeostasis stops one neuron from
 * answering every pattern, which is what lets STDP spread the patterns over the population.
 *
 * <p>Diehl and Cook's code writes the threshold as {@code v > theta - offset + v_thresh} (offset 20 mV) with theta
 * starting at 20 mV; theta decays towards 0, so a neuron that seldom fires slowly becomes more excitable. The same
 * model here is {@code vt = -72 mV} with theta starting at 20 mV (experiments/diehl-cook-mnist.yaml); the defaults
 * (vt -52 mV, theta from 0) leave out that slow drift.
 *
 * <p>Conductances are dimensionless, in units of the leak conductance, as in the paper's Brian code, so a synaptic
 * weight of 1 adds 1 to {@code ge}: the input-to-excitatory weights of STDP (in [0, 1]) are used as they are.
 */
@Component(service = NeuronModel.class)
public class LifAdaptiveNeuron extends EquationNeuron {

    static final SpikingModel MODEL = SpikingModel.builder("lif-adaptive")
            .equations("""
                    dv/dt = (El - v + ge*(Ee - v) + gi*(Ei - v))/tau_m : volt (unless refractory)
                    dge/dt = -ge/tau_e : 1            # excitatory conductance, in units of the leak
                    dgi/dt = -gi/tau_i : 1            # inhibitory conductance, in units of the leak
                    dtheta/dt = -theta/tau_theta : volt   # adaptive threshold increment
                    """)
            .threshold("v > vt + theta")
            .reset("v = vr; theta += theta_plus")
            .refractory("tau_ref")
            .parameter("tau_m", "100 ms", "membrane time constant")
            .parameter("El", "-65 mV", "resting (leak reversal) potential")
            .parameter("Ee", "0 mV", "excitatory reversal potential")
            .parameter("Ei", "-100 mV", "inhibitory reversal potential")
            .parameter("tau_e", "1 ms", "excitatory conductance time constant")
            .parameter("tau_i", "2 ms", "inhibitory conductance time constant")
            .parameter("vt", "-52 mV", "threshold before adaptation")
            .parameter("vr", "-65 mV", "reset potential")
            .parameter("tau_ref", "5 ms", "refractory period")
            .parameter("theta_plus", "0.05 mV", "threshold increase at each spike")
            .parameter("tau_theta", "10000 second", "decay time constant of the threshold increase")
            .initial("v", "El")
            .method("exponential_euler")
            .build();

    public LifAdaptiveNeuron() {
        super(MODEL, "Leaky integrate-and-fire with conductances in units of the leak and an adaptive threshold"
                + " (Diehl and Cook 2015 excitatory neuron)");
    }
}

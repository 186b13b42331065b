package org.synlab.plugins.neurons.spiking;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.NeuronModel;
import org.synlab.api.eqs.SpikingModel;
import org.synlab.plugins.neurons.spiking.internal.EquationNeuron;

/**
 * The adaptive exponential integrate-and-fire neuron of Brette and Gerstner (2005), J. Neurophysiol.
 * 94:3637, with the paper's defaults. The upswing is exponential, so a spike is detected when v
 * passes {@code Vcut} ({@code VT + 5 DeltaT}, as in Brian2's AdEx example). The firing patterns of
 * Naud et al. (2008) come from other values of {@code C, gL, EL, VT, DeltaT, a, tau_w, b, Vr}.
 */
@Component(service = NeuronModel.class)
public class AdExNeuron extends EquationNeuron {

    static final SpikingModel MODEL = SpikingModel.builder("adex")
            .equations("""
                    dv/dt = (gL*(EL - v) + gL*DeltaT*exp((v - VT)/DeltaT) - w + I)/C : volt (unless refractory)
                    dw/dt = (a*(v - EL) - w)/tau_w : amp   # adaptation current
                    I : amp                               # external input current
                    """)
            .threshold("v > Vcut")
            .reset("v = Vr; w += b")
            .refractory("tau_ref")
            .parameter("C", "281 pF", "membrane capacitance")
            .parameter("gL", "30 nS", "leak conductance")
            .parameter("EL", "-70.6 mV", "leak reversal potential")
            .parameter("VT", "-50.4 mV", "threshold slope midpoint")
            .parameter("DeltaT", "2 mV", "slope factor")
            .parameter("tau_w", "144 ms", "adaptation time constant")
            .parameter("a", "4 nS", "subthreshold adaptation")
            .parameter("b", "0.0805 nA", "spike-triggered adaptation")
            .parameter("Vr", "-70.6 mV", "reset potential")
            .parameter("Vcut", "-40.4 mV", "spike detection (VT + 5 DeltaT)")
            .parameter("tau_ref", "0 ms", "refractory period")
            .parameter("I", "0 nA", "external input current")
            .initial("v", "EL")
            .method("euler")
            .build();

    public AdExNeuron() {
        super(MODEL, "Adaptive exponential integrate-and-fire (Brette and Gerstner 2005)");
    }
}

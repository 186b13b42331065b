package org.synlab.plugins.neurons.spiking;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.NeuronModel;
import org.synlab.api.eqs.SpikingModel;
import org.synlab.plugins.neurons.spiking.internal.EquationNeuron;

/**
 * The simple model of Izhikevich (2003), "Simple model of spiking neurons", IEEE Trans. Neural
 * Networks 14:1569: {@code v' = 0.04 v^2 + 5 v + 140 - u + I}, {@code u' = a (b v - u)}, with v and
 * u in mV and time in ms; after a spike at 30 mV, {@code v = c, u += d}. {@code a, b, c, d} are per
 * neuron (the 2003 network draws them at random). {@code I} is the paper's input in mV/ms: the
 * paper's {@code I = 10} is {@code 10 mV/ms}. The defaults are a regular-spiking cell; the paper's
 * classes: RS (0.02, 0.2, -65, 8), IB (0.02, 0.2, -55, 4), CH (0.02, 0.2, -50, 2), FS (0.1, 0.2, -65,
 * 2), LTS (0.02, 0.25, -65, 2), TC (0.02, 0.25, -65, 0.05), RZ (0.1, 0.26, -65, 2).
 */
@Component(service = NeuronModel.class)
public class IzhikevichNeuron extends EquationNeuron {

    static final SpikingModel MODEL = SpikingModel.builder("izhikevich")
            .equations("""
                    dv/dt = (0.04*v**2/mV + 5*v + 140*mV - u)/ms + I : volt
                    du/dt = a*(b*v - u)/ms : volt   # recovery, in the paper's mV
                    a : 1             # recovery rate, per ms
                    b : 1             # sensitivity of u to v
                    c : volt          # reset of v
                    d : volt          # jump of u at a spike
                    I : volt/second   # input (the paper's I, in mV/ms)
                    """)
            .threshold("v >= 30*mV")
            .reset("v = c; u += d")
            .parameter("a", "0.02", "time scale of the recovery variable u, per ms")
            .parameter("b", "0.2", "sensitivity of u to subthreshold v")
            .parameter("c", "-65 mV", "reset value of v after a spike")
            .parameter("d", "8 mV", "reset increment of u after a spike")
            .parameter("I", "0 mV/ms", "input (the paper's dimensionless I, in mV/ms)")
            .initial("v", "-65 mV")
            .initial("u", "b*v")
            .method("euler")
            .build();

    public IzhikevichNeuron() {
        super(MODEL, "Izhikevich (2003) simple model: RS, IB, CH, FS, LTS, TC, RZ by a, b, c, d");
    }
}

package org.synlab.plugins.neurons.spiking;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.NeuronModel;
import org.synlab.api.eqs.SpikingModel;
import org.synlab.plugins.neurons.spiking.internal.EquationNeuron;

/**
 * The Hodgkin-Huxley neuron with the Traub and Miles (1991) channels, as in Brian2's COBAHH
 * benchmark (Brette et al. 2007, benchmark 3) and its HH f-I example: sodium (m^3 h), delayed
 * rectifier potassium (n^4), leak, and exponential excitatory and inhibitory conductances. The
 * defaults are the benchmark's for a membrane of 20000 um^2: 1 uF/cm^2, leak 5e-5 S/cm^2,
 * 100 mS/cm^2 sodium, 30 mS/cm^2 potassium. Integrated with exponential Euler, the standard for
 * these gating equations; rate functions use {@code exprel} so they stay finite at their
 * removable singularities. The gates start at their steady state at {@code v = El}. A spike is
 * counted when v crosses -20 mV, once per action potential: the neuron stays refractory while v
 * is above -20 mV (Brian2's HH f-I example uses the same condition at -40 mV).
 */
@Component(service = NeuronModel.class)
public class HodgkinHuxleyNeuron extends EquationNeuron {

    static final SpikingModel MODEL = SpikingModel.builder("hh")
            .equations("""
                    dv/dt = (gl*(El - v) + ge*(Ee - v) + gi*(Ei - v)
                             - g_na*(m*m*m)*h*(v - ENa) - g_kd*(n*n*n*n)*(v - EK) + I)/Cm : volt
                    dm/dt = alpha_m*(1 - m) - beta_m*m : 1
                    dn/dt = alpha_n*(1 - n) - beta_n*n : 1
                    dh/dt = alpha_h*(1 - h) - beta_h*h : 1
                    dge/dt = -ge/taue : siemens
                    dgi/dt = -gi/taui : siemens
                    alpha_m = 0.32/mV*4*mV/exprel((13*mV - v + VT)/(4*mV))/ms : hertz
                    beta_m = 0.28/mV*5*mV/exprel((v - VT - 40*mV)/(5*mV))/ms : hertz
                    alpha_h = 0.128*exp((17*mV - v + VT)/(18*mV))/ms : hertz
                    beta_h = 4/(1 + exp((40*mV - v + VT)/(5*mV)))/ms : hertz
                    alpha_n = 0.032/mV*5*mV/exprel((15*mV - v + VT)/(5*mV))/ms : hertz
                    beta_n = 0.5*exp((10*mV - v + VT)/(40*mV))/ms : hertz
                    I : amp   # external input current
                    """)
            .threshold("v > -20*mV")
            .refractory("v > -20*mV")
            .parameter("Cm", "200 pF", "membrane capacitance (1 uF/cm^2 on 20000 um^2)")
            .parameter("gl", "10 nS", "leak conductance")
            .parameter("El", "-65 mV", "leak reversal potential (COBAHH uses -60 mV, where a lone neuron fires)")
            .parameter("EK", "-90 mV", "potassium reversal potential")
            .parameter("ENa", "50 mV", "sodium reversal potential")
            .parameter("g_na", "20 uS", "maximal sodium conductance")
            .parameter("g_kd", "6 uS", "maximal delayed-rectifier potassium conductance")
            .parameter("VT", "-63 mV", "offset of the rate functions (sets the threshold)")
            .parameter("Ee", "0 mV", "excitatory reversal potential")
            .parameter("Ei", "-80 mV", "inhibitory reversal potential")
            .parameter("taue", "5 ms", "excitatory synaptic time constant")
            .parameter("taui", "10 ms", "inhibitory synaptic time constant")
            .parameter("I", "0 nA", "external input current")
            .initial("v", "El")
            .initial("m", "alpha_m/(alpha_m + beta_m)")
            .initial("n", "alpha_n/(alpha_n + beta_n)")
            .initial("h", "alpha_h/(alpha_h + beta_h)")
            .method("exponential_euler")
            .build();

    public HodgkinHuxleyNeuron() {
        super(MODEL, "Hodgkin-Huxley with Traub-Miles channels and exponential conductances (COBAHH)");
    }
}

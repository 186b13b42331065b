package org.synlab.plugins.learning.plasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.eqs.ReferenceStepper;
import org.synlab.api.eqs.SpikingModel;

/**
 * The homeostatic adaptive threshold of Diehl and Cook (2015) belongs to the neuron model, not to a synapse rule:
 * this is the {@code lif-adaptive} model the neuron bundle should declare, checked here in double precision with
 * the API's reference stepper. Theta rises by {@code theta_plus} at each spike and decays with {@code tau_theta}:
 * after spikes at steps {@code k_i}, at the end of step {@code n}, {@code theta = theta_plus sum_i
 * exp(-(n - k_i) dt / tau_theta)}.
 */
class AdaptiveThresholdTest {

    /** Diehl and Cook's excitatory neuron; conductances in units of the leak conductance, as in their code. */
    static final SpikingModel LIF_ADAPTIVE = SpikingModel.builder("lif-adaptive")
            .equations("""
                    dv/dt = (El - v + ge*(Ee - v) + gi*(Ei - v))/tau_m : volt (unless refractory)
                    dge/dt = -ge/tau_e : 1          # excitatory conductance / leak conductance
                    dgi/dt = -gi/tau_i : 1          # inhibitory conductance / leak conductance
                    dtheta/dt = -theta/tau_theta : volt   # adaptive threshold (homeostasis)
                    """)
            .threshold("v > vt + theta")
            .reset("v = vr; theta += theta_plus")
            .refractory("tau_ref")
            .parameter("tau_m", "100 ms", "membrane time constant")
            .parameter("El", "-65 mV", "resting potential")
            .parameter("Ee", "0 mV", "excitatory reversal potential")
            .parameter("Ei", "-100 mV", "inhibitory reversal potential")
            .parameter("tau_e", "1 ms", "excitatory conductance time constant")
            .parameter("tau_i", "2 ms", "inhibitory conductance time constant")
            .parameter("vt", "-52 mV", "threshold before adaptation")
            .parameter("vr", "-65 mV", "reset potential")
            .parameter("tau_ref", "5 ms", "refractory period")
            .parameter("theta_plus", "0.05 mV", "threshold increment per spike")
            .parameter("tau_theta", "10000 second", "threshold decay time constant (1e7 ms)")
            .initial("v", "El")
            .method("exponential_euler")
            .build();

    private static final double DT = 0.5e-3;
    private static final double THETA_PLUS = 0.05e-3;

    @Test
    void thetaJumpsAtEachSpikeAndDecaysExponentially() {
        double tauTheta = 0.05;
        ReferenceStepper neuron = new ReferenceStepper(LIF_ADAPTIVE.program(Map.of("tau_theta", "50 ms")), 1, DT);
        int[] forced = {10, 30, 40, 100};
        int next = 0;
        for (int n = 0; n < 200; n++) {
            boolean force = next < forced.length && forced[next] == n;
            if (force) {
                neuron.set("v", 0, 0.0);   // above any threshold: the neuron must spike in this step
                next++;
            }
            int[] spiked = neuron.step();
            assertArrayEquals(force ? new int[] {0} : new int[0], spiked, "step " + n);
            double expected = 0;
            for (int i = 0; i < next; i++) {
                expected += THETA_PLUS * Math.exp(-(n - forced[i]) * DT / tauTheta);
            }
            assertEquals(expected, neuron.get("theta", 0), 1e-12 * THETA_PLUS + 1e-9 * expected, "theta after step " + n);
        }
    }

    @Test
    void periodicFiringSettlesAtTheGeometricSum() {
        // a spike every T: just after a spike, theta = theta_plus / (1 - exp(-T / tau_theta))
        double tauTheta = 0.05;
        int period = 40;
        ReferenceStepper neuron = new ReferenceStepper(LIF_ADAPTIVE.program(Map.of("tau_theta", "50 ms")), 1, DT);
        for (int n = 0; n < 40 * period; n++) {
            if (n % period == 0) {
                neuron.set("v", 0, 0.0);
            }
            neuron.step();
        }
        neuron.set("v", 0, 0.0);
        neuron.step();
        // 41 spikes: the finite geometric sum, within e^(-41 T / tau_theta) = 8e-8 of the steady state
        double r = Math.exp(-period * DT / tauTheta);
        double steady = THETA_PLUS / (1 - r);
        double theta = neuron.get("theta", 0);
        assertEquals(THETA_PLUS * (1 - Math.pow(r, 41)) / (1 - r), theta, 1e-9 * steady);
        assertEquals(steady, theta, 1e-7 * steady);
    }

    @Test
    void aRaisedThresholdSlowsTheNeuronDown() {
        // constant excitatory drive: with theta_plus the interspike intervals lengthen (homeostasis); without, they stay
        int adaptedSpikes = spikesUnderDrive("0.05 mV");
        int fixedSpikes = spikesUnderDrive("0 mV");
        assertTrue(fixedSpikes > 20, "the drive makes the neuron fire: " + fixedSpikes);
        assertTrue(adaptedSpikes < fixedSpikes, adaptedSpikes + " spikes with adaptation, " + fixedSpikes + " without");
    }

    private static int spikesUnderDrive(String thetaPlus) {
        ReferenceStepper neuron = new ReferenceStepper(
                LIF_ADAPTIVE.program(Map.of("theta_plus", thetaPlus, "tau_theta", "100 second")), 1, DT);
        int spikes = 0;
        for (int n = 0; n < 20000; n++) {
            neuron.set("ge", 0, 0.5);  // holds ge: the membrane settles near (El + 0.5 Ee) / 1.5 = -43 mV, above vt
            spikes += neuron.step().length;
        }
        return spikes;
    }
}

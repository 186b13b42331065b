package org.synlab.plugins.neurons.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.ParamSpec;
import org.synlab.api.eqs.ReferenceStepper;

/** Diehl and Cook's adaptive threshold: theta climbs by theta_plus per spike, decays with tau_theta. */
class LifAdaptiveNeuronTest {

    private static final double DT = 1e-4;
    /**
     * Conductance, in units of the leak, that takes v from rest over threshold in one kick: about {@code KICK tau_e
     * (Ee - El) / tau_m} = 26 mV of depolarisation against the 13 mV from rest to threshold.
     */
    private static final double KICK = 40;

    @Test
    void nameParametersAndDefaultsAreDiehlAndCooks() {
        LifAdaptiveNeuron n = new LifAdaptiveNeuron();
        assertEquals("lif-adaptive", n.name());
        assertFalse(n.description().isBlank());
        for (ParamSpec p : n.parameters().specs()) {
            assertNotNull(p.defaultValue(), p.name());
            assertFalse(p.description().isBlank(), p.name());
        }
        Map<String, Double> c = LifAdaptiveNeuron.MODEL.program().constants();
        assertEquals(0.100, c.get("tau_m"), 1e-15);
        assertEquals(-0.065, c.get("El"), 1e-15);
        assertEquals(-0.100, c.get("Ei"), 1e-15);
        assertEquals(-0.052, c.get("vt"), 1e-15);
        assertEquals(5e-5, c.get("theta_plus"), 1e-18);
        assertEquals(1e4, c.get("tau_theta"), 1e-9);
    }

    @Test
    void thetaRisesByThetaPlusAtEverySpike() {
        ReferenceStepper s = new ReferenceStepper(LifAdaptiveNeuron.MODEL.program(), 1, DT);
        assertEquals(-0.065, s.get("v", 0), 1e-15, "starts at El");
        int spikes = 0;
        for (int step = 0; step < 10_000; step++) {
            if (step % 100 == 0) {
                s.set("ge", 0, s.get("ge", 0) + KICK);
            }
            spikes += s.step().length;
        }
        // one spike per kick, 100 kicks in 1 s; theta's decay over 1 s is a factor exp(-1e-4)
        assertEquals(100, spikes);
        double theta = s.get("theta", 0);
        System.out.printf("lif-adaptive: theta after %d spikes in 1 s: %.5f mV%n", spikes, theta * 1e3);
        assertEquals(spikes * 5e-5, theta, spikes * 5e-5 * 2e-4);
        assertTrue(theta < spikes * 5e-5, "and it has started to decay");
    }

    @Test
    void thetaDecaysExponentiallyWithTauTheta() {
        ReferenceStepper s = new ReferenceStepper(LifAdaptiveNeuron.MODEL.program(Map.of("tau_theta", "100 ms")), 1,
                DT);
        s.set("theta", 0, 0.002);
        for (int step = 1; step <= 3000; step++) {
            s.step();
            if (step % 1000 == 0) {
                double t = step * DT;
                assertEquals(0.002 * Math.exp(-t / 0.1), s.get("theta", 0), 1e-9, "theta at " + t + " s");
            }
        }
    }

    @Test
    void aRaisedThresholdNeedsMoreDrive() {
        // the same kick that fires a fresh neuron does not fire one whose threshold has climbed by 20 mV
        ReferenceStepper s = new ReferenceStepper(LifAdaptiveNeuron.MODEL.program(), 2, DT);
        s.set("theta", 1, 0.020);
        s.setAll("ge", KICK);
        int[] fired = new int[2];
        for (int step = 0; step < 500; step++) {
            for (int n : s.step()) {
                fired[n]++;
            }
        }
        assertEquals(1, fired[0], "fresh neuron");
        assertEquals(0, fired[1], "adapted neuron");
    }
}

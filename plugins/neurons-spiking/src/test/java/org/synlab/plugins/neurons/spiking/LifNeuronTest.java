package org.synlab.plugins.neurons.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.eqs.ReferenceStepper;
import org.synlab.api.eqs.SpikingModel;

/** Both LIF neurons against their analytic f-I curve and synaptic responses. */
class LifNeuronTest {

    /** f = 1/(t_ref + tau ln(R I / (R I - (vt - El)))) with the reset at El. */
    static double analyticRate(double tau, double r, double vtMinusEl, double tRef, double current) {
        double drive = r * current;
        return drive <= vtMinusEl ? 0 : 1 / (tRef + tau * Math.log(drive / (drive - vtMinusEl)));
    }

    /** The worst |mean ISI - analytic period| over currents above rheobase (0.1 nA for both models). */
    private static double worstPeriodError(SpikingModel model, double dt) {
        double[] currents = {0.11e-9, 0.15e-9, 0.2e-9, 0.4e-9, 0.8e-9, 1.5e-9};
        ReferenceStepper s = new ReferenceStepper(model.program(), currents.length, dt);
        for (int n = 0; n < currents.length; n++) {
            s.set("I", n, currents[n]);
        }
        List<double[]> spikes = s.run(1.0);
        double worst = 0;
        for (int n = 0; n < currents.length; n++) {
            double[] t = spikes.get(n);
            assertTrue(t.length >= 5, "spikes at " + currents[n] + " A: " + t.length);
            double meanIsi = (t[t.length - 1] - t[0]) / (t.length - 1);
            double expected = 1 / analyticRate(0.020, 1e8, 0.010, 0.005, currents[n]);
            worst = Math.max(worst, Math.abs(meanIsi - expected));
        }
        return worst;
    }

    @Test
    void currentBasedFICurveWithinOneStep() {
        for (double dt : new double[] {1e-4, 2e-5}) {
            double error = worstPeriodError(LifNeuron.MODEL, dt);
            System.out.printf("lif f-I worst period error at dt=%.0e s: %.3g s%n", dt, error);
            assertTrue(error < dt, "period error " + error + " at dt=" + dt);
        }
    }

    @Test
    void conductanceBasedFICurveWithinOneStep() {
        // with no synaptic input lif-cond is a LIF with R = 1/gl = 100 Mohm and tau = 20 ms
        for (double dt : new double[] {1e-4, 2e-5}) {
            double error = worstPeriodError(LifCondNeuron.MODEL, dt);
            System.out.printf("lif-cond f-I worst period error at dt=%.0e s: %.3g s%n", dt, error);
            assertTrue(error < dt, "period error " + error + " at dt=" + dt);
        }
    }

    @Test
    void excitatoryCurrentGivesTheAnalyticPostsynapticPotential() {
        // ge(0) = w decaying with tau_e drives v - El = w tau_e/(tau_m - tau_e) (exp(-t/tau_m) - exp(-t/tau_e))
        double w = 1e-3;
        double dt = 1e-5;
        ReferenceStepper s = new ReferenceStepper(LifNeuron.MODEL.program(), 1, dt);
        s.set("ge", 0, w);
        double worst = 0;
        for (int step = 1; step <= 3000; step++) {
            s.step();
            double t = step * dt;
            double expected = w * 0.005 / (0.020 - 0.005) * (Math.exp(-t / 0.020) - Math.exp(-t / 0.005));
            worst = Math.max(worst, Math.abs(s.get("v", 0) + 0.060 - expected));
        }
        // peak is about 0.47 mV; exponential Euler holds ge constant over a step: error O(dt)
        assertTrue(worst < 2e-7, "worst PSP error " + worst + " V");
    }

    @Test
    void conductancesPullTowardsTheirReversalPotentials() {
        ReferenceStepper s = new ReferenceStepper(LifCondNeuron.MODEL.program(), 2, 1e-5);
        s.set("gi", 0, 1e-6);
        s.set("ge", 1, 1e-6);
        int excitedSpikes = 0;
        for (int step = 0; step < 100; step++) {
            excitedSpikes += s.step().length;
        }
        // 1 uS is 100 times the leak: after 1 ms (5 membrane time constants) v sits at the weighted
        // mean of the reversals, (gl El + gi Ei)/(gl + gi) with gi decayed to 1 uS exp(-0.1)
        double gi = 1e-6 * Math.exp(-0.1);
        double vInf = (10e-9 * -0.060 + gi * -0.080) / (10e-9 + gi);
        assertEquals(vInf, s.get("v", 0), 2e-4);
        assertTrue(s.get("v", 0) > -0.080, "never past the reversal");
        assertEquals(1, excitedSpikes, "excitation drives v over threshold once, then the refractory period holds it");
        assertEquals(-0.060, s.get("v", 1), 0, "held at vr");
    }

    @Test
    void cobaDefaultsAreTheBenchmarks() {
        Map<String, Double> c = LifCondNeuron.MODEL.program().constants();
        assertEquals(0.020, c.get("taum"), 1e-15);
        assertEquals(-0.060, c.get("El"), 1e-15);
        assertEquals(0.0, c.get("Ee"), 1e-15);
        assertEquals(-0.080, c.get("Ei"), 1e-15);
        assertEquals(0.005, c.get("taue"), 1e-15);
        assertEquals(0.010, c.get("taui"), 1e-15);
        assertEquals(-0.050, c.get("vt"), 1e-15);
        assertEquals(-0.060, c.get("vr"), 1e-15);
        assertEquals(0.005, c.get("tau_ref"), 1e-15);
    }
}

package org.synlab.plugins.neurons.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Traub-Miles Hodgkin-Huxley: a threshold current, repetitive firing above it, a rising f-I curve. */
class HodgkinHuxleyNeuronTest {

    private static final double DT = 1e-5;
    private static final double DURATION = 1.0;

    private static SpikeTrain run(double nanoamps) {
        return SpikeTrain.simulate(HodgkinHuxleyNeuron.MODEL, Map.of("I", nanoamps), DT, DURATION);
    }

    /** Repetitive firing: spikes keep coming in the second half of the run. */
    private static boolean repetitive(SpikeTrain s) {
        return s.countBetween(DURATION / 2, DURATION) >= 3;
    }

    /** Sustained firing: still spiking in the second half (near threshold the rate falls towards 0 Hz). */
    private static boolean sustained(SpikeTrain s) {
        return s.countBetween(DURATION / 2, DURATION) >= 1;
    }

    @Test
    void hasAThresholdCurrentAboveWhichItFiresRepetitively() {
        double below = 0.01;
        double above = 0.05;
        assertTrue(!sustained(run(below)) && repetitive(run(above)));
        // bisection to 1 pA
        while (above - below > 0.001) {
            double mid = (below + above) / 2;
            if (sustained(run(mid))) {
                above = mid;
            } else {
                below = mid;
            }
        }
        System.out.printf("HH threshold current between %.4f and %.4f nA%n", below, above);
        assertTrue(below > 0.015 && above < 0.025, "threshold current " + below + ".." + above + " nA");
        // below it at most a transient spike or two; above it a periodic train at a low rate (type I)
        assertTrue(run(below - 0.002).count() <= 2, "quiet below threshold");
        SpikeTrain justAbove = run(above + 0.002);
        assertTrue(justAbove.count() >= 3 && justAbove.count() < 10, "slow repetitive firing: " + justAbove);
        assertTrue(justAbove.cv(1) < 0.1, "periodic above threshold: CV " + justAbove.cv(1));
    }

    @Test
    void restsAtTheLeakPotentialWithoutInput() {
        var s = new org.synlab.api.eqs.ReferenceStepper(HodgkinHuxleyNeuron.MODEL.program(), 1, DT);
        assertEquals(0, s.run(0.2).get(0).length);
        assertEquals(-0.065, s.get("v", 0), 1.5e-3, "near El with the gates at their steady state");
    }

    @Test
    void rateRisesWithCurrent() {
        double previous = 0;
        for (double current : new double[] {0.1, 0.3, 0.7, 1.0}) {
            SpikeTrain s = run(current);
            assertTrue(repetitive(s));
            double rate = s.count() / DURATION;
            assertTrue(rate > previous + 5, current + " nA: " + rate + " Hz after " + previous + " Hz");
            previous = rate;
        }
        assertTrue(previous > 100 && previous < 200, "about 130 Hz at 1 nA: " + previous);
    }

    @Test
    void spikesAreCountedOncePerUpswing() {
        // each action potential lasts about a millisecond above -20 mV: never two spikes within 3 ms
        SpikeTrain s = run(1.0);
        for (double isi : s.isis()) {
            assertTrue(isi > 0.003, "interval " + isi);
        }
    }

    @Test
    void conductancesShiftTheVoltage() {
        var s = new org.synlab.api.eqs.ReferenceStepper(HodgkinHuxleyNeuron.MODEL.program(), 2, DT);
        s.set("ge", 0, 5e-9);
        s.set("gi", 1, 20e-9);
        s.run(0.002);
        assertTrue(s.get("v", 0) > -0.064, "excitation depolarises: " + s.get("v", 0));
        assertTrue(s.get("v", 1) < -0.066, "inhibition hyperpolarises: " + s.get("v", 1));
        assertEquals(5e-9 * Math.exp(-0.002 / 0.005), s.get("ge", 0), 1e-15);
    }
}

package org.synlab.plugins.neurons.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdEx regimes of Naud et al. (2008) and the adaptation of Brette and Gerstner (2005). */
class AdExNeuronTest {

    private static final double DT = 1e-5;

    @Test
    void tonicFiringSettlesToAConstantInterval() {
        // Naud et al. 2008, table 1, tonic spiking
        SpikeTrain tonic = SpikeTrain.simulate(AdExNeuron.MODEL, Map.of("C", "200 pF", "gL", "10 nS", "EL", "-70 mV",
                "VT", "-50 mV", "DeltaT", "2 mV", "a", "2 nS", "tau_w", "30 ms", "b", "0 pA", "Vr", "-58 mV",
                "I", "500 pA"), DT, 0.5);
        double[] isi = tonic.isis();
        assertTrue(tonic.count() > 40, "fires throughout: " + tonic.count());
        assertTrue(tonic.cv(10) < 0.005, "constant intervals once settled: CV " + tonic.cv(10));
        // little adaptation: b = 0 and the subthreshold a is small
        assertTrue(isi[isi.length - 1] < 1.2 * isi[0], tonic.toString());
    }

    @Test
    void defaultCellAdaptsToASteadyRate() {
        SpikeTrain adapting = SpikeTrain.simulate(AdExNeuron.MODEL, Map.of("I", "1 nA"), DT, 0.5);
        double[] isi = adapting.isis();
        for (int i = 1; i < isi.length; i++) {
            assertTrue(isi[i] >= isi[i - 1], "intervals lengthen: " + adapting);
        }
        assertTrue(isi[isi.length - 1] > 2 * isi[0], adapting.toString());
        assertTrue(Math.abs(isi[isi.length - 1] - isi[isi.length - 2]) < 1e-4, "and settle: " + adapting);
    }

    @Test
    void eulerConvergesToRk4SpikeTimes() {
        SpikeTrain rk4 = SpikeTrain.simulate(AdExNeuron.MODEL, Map.of("I", "1 nA", "method", "rk4"), DT, 0.2);
        double previous = Double.MAX_VALUE;
        for (double dt : new double[] {2 * DT, DT, DT / 2}) {
            SpikeTrain euler = SpikeTrain.simulate(AdExNeuron.MODEL, Map.of("I", "1 nA"), dt, 0.2);
            assertEquals(rk4.count(), euler.count());
            double worst = 0;
            for (int i = 0; i < euler.count(); i++) {
                worst = Math.max(worst, Math.abs(rk4.times()[i] - euler.times()[i]));
            }
            assertTrue(worst < 20 * dt, "euler at dt=" + dt + " is off by " + worst);
            assertTrue(worst < previous, "and gets closer as dt shrinks: " + worst + " after " + previous);
            previous = worst;
        }
    }

    @Test
    void restsBelowRheobase() {
        SpikeTrain quiet = SpikeTrain.simulate(AdExNeuron.MODEL, Map.of("I", "0.2 nA"), DT, 0.3);
        assertEquals(0, quiet.count());
    }
}

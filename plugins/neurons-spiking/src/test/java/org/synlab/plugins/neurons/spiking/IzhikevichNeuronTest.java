package org.synlab.plugins.neurons.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.eqs.ReferenceStepper;

/**
 * The firing classes of Izhikevich (2003), fig. 2, with a step of I = 10 from t = 0, checked on the
 * spike trains rather than by eye.
 */
class IzhikevichNeuronTest {

    private static final double DT = 1e-4;
    private static final double DURATION = 0.5;
    private static final double BURST_ISI = 0.010;

    private static SpikeTrain run(double a, double b, double c, double d) {
        return SpikeTrain.simulate(IzhikevichNeuron.MODEL, Map.of("a", a, "b", b, "c", c, "d", d, "I", 10.0), DT, DURATION);
    }

    private static double last(double[] x) {
        return x[x.length - 1];
    }

    @Test
    void regularSpikingAdapts() {
        SpikeTrain rs = run(0.02, 0.2, -65, 8);
        double[] isi = rs.isis();
        assertTrue(isi.length >= 8, "tonic firing through the step: " + rs);
        for (int i = 1; i < isi.length; i++) {
            assertTrue(isi[i] >= isi[i - 1] - DT, "intervals never shorten: " + rs);
        }
        assertTrue(last(isi) > 1.8 * isi[0], "adaptation: " + rs);
        assertTrue(isi[0] > BURST_ISI, "no burst at onset: " + rs);
    }

    @Test
    void fastSpikingFiresFastWithoutAdaptingLikeRegularSpiking() {
        SpikeTrain fs = run(0.1, 0.2, -65, 2);
        SpikeTrain rs = run(0.02, 0.2, -65, 8);
        double fsRate = 1 / last(fs.isis());
        double rsRate = 1 / last(rs.isis());
        assertTrue(fsRate > 100, "FS sustains a high rate: " + fsRate + " Hz");
        assertTrue(fsRate > 5 * rsRate, "FS " + fsRate + " Hz against RS " + rsRate + " Hz");
        // after the first few spikes the intervals stay the same
        assertTrue(fs.cv(3) < 0.02, "FS is periodic: CV " + fs.cv(3));
    }

    @Test
    void intrinsicallyBurstingBurstsThenFiresTonically() {
        SpikeTrain ib = run(0.02, 0.2, -55, 4);
        double[] isi = ib.isis();
        assertTrue(isi[0] < BURST_ISI && isi[1] < BURST_ISI, "an initial burst: " + ib);
        double[] later = Arrays.copyOfRange(isi, 2, isi.length);
        assertTrue(later.length >= 8, "keeps firing: " + ib);
        assertTrue(Arrays.stream(later).allMatch(x -> x > 2 * BURST_ISI), "then single spikes: " + ib);
    }

    @Test
    void chatteringRepeatsBursts() {
        SpikeTrain ch = run(0.02, 0.2, -50, 2);
        double[] isi = ch.isis();
        int bursts = 1;
        int spikesInBurst = 1;
        int smallestBurst = Integer.MAX_VALUE;
        for (double x : isi) {
            if (x < BURST_ISI) {
                spikesInBurst++;
            } else {
                smallestBurst = Math.min(smallestBurst, spikesInBurst);
                bursts++;
                spikesInBurst = 1;
            }
        }
        assertTrue(bursts >= 8, "repetitive bursts: " + ch);
        assertTrue(smallestBurst >= 3, "each burst has at least 3 spikes: " + ch);
        assertTrue(Arrays.stream(isi).filter(x -> x >= BURST_ISI).allMatch(x -> x > 0.030), "silent between bursts: " + ch);
    }

    @Test
    void lowThresholdSpikingStartsFastAndAdapts() {
        SpikeTrain lts = run(0.02, 0.25, -65, 2);
        double[] isi = lts.isis();
        assertTrue(isi[0] < BURST_ISI, "high-frequency onset: " + lts);
        assertTrue(last(isi) > 3 * isi[0], "strong adaptation: " + lts);
        // unlike RS it settles at a higher rate
        assertTrue(1 / last(isi) > 1.5 / last(run(0.02, 0.2, -65, 8).isis()), "settles faster than RS: " + lts);
    }

    @Test
    void restsWithoutInput() {
        SpikeTrain quiet = SpikeTrain.simulate(IzhikevichNeuron.MODEL, Map.of(), DT, DURATION);
        assertEquals(0, quiet.count());
    }

    @Test
    void abcdArePerNeuronAndUStartsAtBTimesV() {
        var p = IzhikevichNeuron.MODEL.program();
        assertEquals(org.synlab.api.eqs.Variable.Kind.PARAMETER, p.variable("a").kind());
        assertEquals(org.synlab.api.eqs.Variable.Kind.PARAMETER, p.variable("d").kind());
        assertEquals(0.008, p.variable("d").initial(), 1e-15);
        assertEquals(0.2 * -0.065, p.variable("u").initial(), 1e-15);
    }

    @Test
    void thalamoCorticalFiresAReboundBurstAfterHyperpolarisation() {
        ReferenceStepper tc = new ReferenceStepper(
                IzhikevichNeuron.MODEL.program(Map.of("a", 0.02, "b", 0.25, "c", -65, "d", 0.05)), 1, DT);
        assertEquals(0, tc.run(0.1).get(0).length, "rests without input");
        tc.setAll("I", -10.0);
        assertEquals(0, tc.run(0.2).get(0).length, "silent while hyperpolarised");
        tc.setAll("I", 0);
        double[] rebound = tc.run(0.3).get(0);
        double release = 0.3;
        long burst = Arrays.stream(rebound).filter(t -> t - release < 0.060).count();
        assertTrue(burst >= 3, "rebound burst on release: " + Arrays.toString(rebound));
        assertTrue(Arrays.stream(rebound).noneMatch(t -> t - release > 0.100), "then silent: " + Arrays.toString(rebound));
    }

    @Test
    void resonatorRingsAfterAPulse() {
        ReferenceStepper rz = new ReferenceStepper(
                IzhikevichNeuron.MODEL.program(Map.of("a", 0.1, "b", 0.26, "c", -65, "d", 2)), 1, DT);
        rz.run(0.2);
        double rest = rz.get("v", 0);
        rz.setAll("I", 30.0);
        rz.run(0.002);
        rz.setAll("I", 0);
        // damped subthreshold oscillation: v swings around rest with shrinking amplitude
        int crossings = 0;
        double previous = rz.get("v", 0) - rest;
        double[] peaks = new double[8];
        int lobe = 0;
        for (int k = 0; k < 2000 && lobe < peaks.length; k++) {
            rz.step();
            double x = rz.get("v", 0) - rest;
            if (Math.signum(x) != Math.signum(previous) && previous != 0) {
                crossings++;
                lobe++;
            }
            if (lobe < peaks.length) {
                peaks[lobe] = Math.max(peaks[lobe], Math.abs(x));
            }
            previous = x;
        }
        assertTrue(crossings >= 5, "oscillates: " + crossings + " crossings of rest");
        for (int k = 2; k < 5; k++) {
            assertTrue(peaks[k] < peaks[k - 1], "damped: " + Arrays.toString(peaks));
        }
    }
}

package org.synlab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Vogels-Abbott CUBA benchmark (Brette et al. 2007, benchmark 2) as in Brian2's {@code CUBA.py}: 4000 LIF neurons,
 * 3200 excitatory and 800 inhibitory, connection probability 0.02 (self connections allowed, as Brian2's
 * {@code connect(p=0.02)}), exponential currents, 1 s. Brian2's zero synaptic delay means an effect on the next step,
 * which is this runtime's minimum delay of one step (0.1 ms).
 *
 * <p>What to expect: Brian2's example documents no rate; the network settles into self-sustained irregular activity
 * whose mean rate is a few hertz to some tens of hertz depending on the draw of the initial potentials and synapses.
 * The band asserted below is that range, wide enough for any seed, narrow enough to catch a wrong sign, a lost
 * delivery or a broken refractory period (each of which drives the network silent or into saturation near 200 Hz).
 */
class CubaNetworkTest {

    private static final double DT = 0.1;

    static NetworkSpec cuba(long seed) {
        double we = 60 * 0.27 / 10;
        double wi = -20 * 4.5 / 10;
        Map<String, Value> initial = Map.of("v", Value.uniform(-60, -50));
        Value delay = Value.constant(DT);
        Connector p = Connector.fixedProbability(0.02, true);
        return NetworkSpec.builder(DT, seed)
                .population("E", 3200, LifCubaKernel.cuba(DT), initial)
                .population("I", 800, LifCubaKernel.cuba(DT), initial)
                .projection("E", "E", p, "ge", Sign.EXCITATORY, Value.constant(we), delay)
                .projection("E", "I", p, "ge", Sign.EXCITATORY, Value.constant(we), delay)
                .projection("I", "E", p, "gi", Sign.INHIBITORY, Value.constant(wi), delay)
                .projection("I", "I", p, "gi", Sign.INHIBITORY, Value.constant(wi), delay)
                .build();
    }

    private record Result(int[][] trains, SpikeStatistics e, SpikeStatistics i, long events, long synapses,
            double wallSeconds, float[] finalV) {
    }

    private static Result run(NetworkSpec spec, int threads) {
        long setup = System.nanoTime();
        Simulation sim = Simulation.create(spec, threads);
        SpikeRecorder e = sim.recordSpikes("E");
        SpikeRecorder i = sim.recordSpikes("I");
        double setupSeconds = (System.nanoTime() - setup) * 1e-9;
        long start = System.nanoTime();
        sim.run(1000);
        double wall = (System.nanoTime() - start) * 1e-9;
        System.out.printf("CUBA %d thread(s): setup %.3f s, loop %.3f s for 1 s bio, %d spikes, %d synapses,"
                + " %d events, %.1f M events/s%n", threads, setupSeconds, wall, sim.spikeCount(),
                sim.synapseCount(), sim.synapticEvents(), sim.synapticEvents() / wall * 1e-6);
        return new Result(new int[][] {e.steps(), e.neurons(), i.steps(), i.neurons()},
                SpikeStatistics.of(e, 0, 1000), SpikeStatistics.of(i, 0, 1000), sim.synapticEvents(),
                sim.synapseCount(), wall, sim.state("E").variable("v").clone());
    }

    @Test
    void cubaFiresIrregularlyInAPlausibleBandAndIsIdenticalOnOneAndTwoThreads() {
        NetworkSpec spec = cuba(2026);
        Result one = run(spec, 1);
        Result two = run(spec, 2);
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(one.trains()[k], two.trains()[k], "spike train array " + k);
        }
        assertArrayEquals(one.finalV(), two.finalV(), "final membrane potentials");
        assertEquals(one.events(), two.events());

        double rate = (one.e().spikes() + one.i().spikes()) / (4000 * 1.0);
        double cv = (one.e().cvIsi() * one.e().neuronsWithCv() + one.i().cvIsi() * one.i().neuronsWithCv())
                / (one.e().neuronsWithCv() + one.i().neuronsWithCv());
        System.out.printf("CUBA mean rate %.2f Hz (E %.2f, I %.2f), CV ISI %.3f (E %.3f, I %.3f)%n", rate,
                one.e().meanRateHz(), one.i().meanRateHz(), cv, one.e().cvIsi(), one.i().cvIsi());
        assertTrue(rate > 2 && rate < 60, "mean rate " + rate + " Hz outside the plausible CUBA band");
        assertTrue(cv > 0.3, "CUBA activity is irregular, CV " + cv);
        // p = 0.02 of 4000 x 4000 pairs: 320,000 synapses, sd about 560
        assertTrue(Math.abs(one.synapses() - 320_000) < 5 * 560, "synapses " + one.synapses());
        // every spike is delivered through its full out-degree, about 80 synapses on average
        long spikes = one.e().spikes() + one.i().spikes();
        double perSpike = (double) one.events() / spikes;
        assertTrue(perSpike > 70 && perSpike < 90, "events per spike " + perSpike);
    }

    @Test
    void differentSeedsGiveDifferentNetworksWithSimilarRates() {
        Result a = run(cuba(1), 1);
        Result b = run(cuba(2), 1);
        assertTrue(a.e().spikes() != b.e().spikes() || !java.util.Arrays.equals(a.trains()[1], b.trains()[1]));
        double rateA = a.e().meanRateHz();
        double rateB = b.e().meanRateHz();
        assertTrue(rateA > 2 && rateA < 60 && rateB > 2 && rateB < 60, rateA + " Hz, " + rateB + " Hz");
    }
}

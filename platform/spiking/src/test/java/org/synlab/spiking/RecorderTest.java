package org.synlab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What recorders hold, and the statistics computed from recorded spikes. */
class RecorderTest {

    private static final double DT = 0.1;

    @Test
    void stateRecorderSamplesEveryNStepsAfterTheUpdate() {
        NetworkSpec spec = NetworkSpec.builder(DT, 1)
                .population("probe", 40, new ProbeKernel(), Map.of("y", Value.uniform(0, 1)))
                .input(CurrentInput.stepped("probe", "I", new double[] {0.0, 0.7}, new double[] {1, 5}))
                .build();
        Simulation sim = Simulation.create(spec, 2);
        StateRecorder r = sim.recordState("probe", List.of("I", "y"), new int[] {39, 3, 17, 3}, 4);
        sim.run(1.0);
        sim.run(0.5);
        // steps 0..14, every 4th: 0, 4, 8, 12
        assertEquals(4, r.samples());
        assertArrayEquals(new int[] {3, 17, 39}, r.neurons());
        assertEquals(12, r.step(3));
        assertArrayEquals(new float[] {1, 1, 5, 5}, r.trace("I", 39));
        float y = sim.state("probe").variable("y")[17];
        assertEquals(y, r.value(2, "y", 17));
        assertTrue(y >= 0 && y < 1);
        assertThrows(IllegalArgumentException.class, () -> r.trace("x", 3));
        assertThrows(IllegalArgumentException.class, () -> r.trace("y", 4));
        assertThrows(IllegalStateException.class, () -> sim.recordSpikes("probe"), "recorders before the run");
    }

    @Test
    void clearingBetweenChunksKeepsMemoryBoundedAndNumbersAbsolute() {
        NetworkSpec spec = NetworkSpec.builder(DT, 1)
                .poisson("p", 100, 200)
                .population("probe", 4, new ProbeKernel(), Map.of())
                .input(CurrentInput.stepped("probe", "I", new double[] {0, 1.5}, new double[] {1, 2}))
                .build();
        Simulation sim = Simulation.create(spec, 2);
        StateRecorder state = sim.recordState("probe", List.of("I"), new int[] {2}, 2);
        SpikeRecorder spikes = sim.recordSpikes("p");
        sim.run(1.0);
        int firstChunk = spikes.count();
        assertTrue(firstChunk > 0);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1}, state.trace("I", 2));
        state.clear();
        spikes.clear();
        assertEquals(0, spikes.count());
        sim.run(1.0);
        // steps 10..19 sampled at 10, 12, .., 18: samples 5..9, the input steps to 2 at step 15
        assertEquals(5, state.firstSample());
        assertEquals(10, state.samples());
        assertArrayEquals(new float[] {1, 1, 1, 2, 2}, state.trace("I", 2));
        assertEquals(2f, state.value(8, "I", 2));
        assertThrows(IndexOutOfBoundsException.class, () -> state.value(4, "I", 2));
        for (int step : spikes.steps()) {
            assertTrue(step >= 10 && step < 20, "only the second chunk's spikes: " + step);
        }
        assertEquals(sim.spikeCount("p"), firstChunk + spikes.count());
    }

    @Test
    void rateRecorderBinsSumToTheSpikeCount() {
        NetworkSpec spec = NetworkSpec.builder(DT, 3).poisson("p", 500, 30).build();
        Simulation sim = Simulation.create(spec, 2);
        RateRecorder rate = sim.recordRate("p", 50);
        SpikeRecorder spikes = sim.recordSpikes("p");
        sim.run(100);
        assertEquals(20, rate.bins());
        long sum = 0;
        for (int b = 0; b < rate.bins(); b++) {
            sum += rate.count(b);
            assertEquals(rate.count(b) / (500 * 5e-3), rate.rateHz(b), 1e-9);
        }
        assertEquals(spikes.count(), sum);
        assertEquals(sim.spikeCount("p"), sum);
        double mean = java.util.Arrays.stream(rate.ratesHz()).average().orElseThrow();
        assertEquals(30, mean, 2);
        int[] steps = spikes.steps();
        int inFirstBin = 0;
        for (int s : steps) {
            inFirstBin += s < 50 ? 1 : 0;
        }
        assertEquals(inFirstBin, rate.count(0));
    }

    @Test
    void statisticsOfKnownTrains() {
        // neuron 0: every 10 ms; neuron 1: ISIs alternating 10 and 30 ms (mean 20, sd 10: CV 0.5); neuron 2: 2 spikes
        double[][] times = {
            {0, 10, 20, 30, 40, 50, 60, 70, 80, 90},
            {0, 10, 40, 50, 80},
            {5, 15},
            {}
        };
        NetworkSpec spec = NetworkSpec.builder(DT, 1).spikeTimes("s", times).build();
        Simulation sim = Simulation.create(spec, 1);
        SpikeRecorder spikes = sim.recordSpikes("s");
        sim.run(100);
        SpikeStatistics stats = SpikeStatistics.of(spikes, 0, 100);
        assertEquals(17, stats.spikes());
        assertEquals(17 / (4 * 0.1), stats.meanRateHz(), 1e-9);
        assertEquals(2, stats.neuronsWithCv(), "neuron 2 has one ISI only, neuron 3 none");
        assertEquals((0.0 + 0.5) / 2, stats.cvIsi(), 1e-12);
        SpikeStatistics window = SpikeStatistics.of(spikes, 35, 100);
        // neuron 0 in [35,100): 40..90, 6 spikes; neuron 1: 40, 50, 80 -> ISIs 10, 30 -> CV 0.5
        assertEquals(9, window.spikes());
        assertEquals(0.25, window.cvIsi(), 1e-12);
        SpikeStatistics silent = SpikeStatistics.of(spikes, 95, 100);
        assertTrue(Double.isNaN(silent.cvIsi()));
    }
}

package org.synlab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Poisson source's rates change between runs (a new input pattern), the same way on any thread count. */
class PoissonRatesTest {

    private static final double DT = 0.5;
    private static final int N = 40;

    private static NetworkSpec spec() {
        return NetworkSpec.builder(DT, 9)
                .poisson("in", N, 0)
                .population("probe", 1, new ProbeKernel(), Map.of())
                .projection("in", "probe", Connector.allToAll(true), "x", Sign.EXCITATORY, Value.constant(1),
                        Value.constant(DT))
                .build();
    }

    @Test
    void newRatesActFromTheNextStepOnAnyThreadCount() {
        int[][] reference = null;
        for (int threads : new int[] {1, 2}) {
            Simulation sim = Simulation.create(spec(), threads);
            SpikeRecorder spikes = sim.recordSpikes("in");
            sim.run(1000);
            assertEquals(0, sim.spikeCount("in"), "built at 0 Hz");
            double[] rates = new double[N];
            Arrays.fill(rates, 0, N / 2, 50);
            sim.setRates("in", rates);
            sim.run(1000);
            long fired = sim.spikeCount("in");
            // 20 neurons at 50 Hz for 1 s: 1000 spikes expected, sd about 32
            assertTrue(fired > 850 && fired < 1150, "spikes " + fired);
            assertTrue(Arrays.stream(spikes.neurons()).allMatch(i -> i < N / 2), "only the neurons given a rate");
            assertTrue(Arrays.stream(spikes.steps()).allMatch(t -> t >= 2000), "only after the change");
            if (reference == null) {
                reference = new int[][] {spikes.steps(), spikes.neurons()};
            } else {
                assertArrayEquals(reference[0], spikes.steps());
                assertArrayEquals(reference[1], spikes.neurons());
            }
        }
    }

    @Test
    void aNeuronsTrainDoesNotDependOnWhetherItsNeighboursAreSilent() {
        // silent neurons' random blocks are skipped; a neuron's draws are keyed by (step, neuron) all the same
        int[] alone = trainOf(6, false);
        int[] amongOthers = trainOf(6, true);
        assertTrue(alone.length > 20, "spikes " + alone.length);
        assertArrayEquals(alone, amongOthers);
    }

    private static int[] trainOf(int neuron, boolean everyoneFires) {
        Simulation sim = Simulation.create(spec(), 2);
        SpikeRecorder spikes = sim.recordSpikes("in");
        double[] rates = new double[N];
        if (everyoneFires) {
            Arrays.fill(rates, 40);
        }
        rates[neuron] = 40;
        sim.setRates("in", rates);
        sim.run(2000);
        return java.util.stream.IntStream.range(0, spikes.count()).filter(k -> spikes.neuron(k) == neuron)
                .map(spikes::step).toArray();
    }

    @Test
    void ratesMustFitAPoissonSource() {
        Simulation sim = Simulation.create(spec(), 1);
        assertThrows(IllegalArgumentException.class, () -> sim.setRates("in", new double[N - 1]));
        double[] negative = new double[N];
        negative[3] = -1;
        assertThrows(IllegalArgumentException.class, () -> sim.setRates("in", negative));
        var e = assertThrows(IllegalArgumentException.class, () -> sim.setRates("probe", new double[1]));
        assertTrue(e.getMessage().contains("not a Poisson source"), e.getMessage());
    }
}

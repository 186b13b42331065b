package org.synlab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoiseCurrentTest {

    private static final double DT = 0.1;

    private static NetworkSpec spec(int n) {
        return NetworkSpec.builder(DT, 12)
                .population("probe", n, new ProbeKernel(), Map.of())
                .noise(new NoiseCurrent("probe", "I", 2, 5, 0.5))
                .build();
    }

    @Test
    void noiseHasItsMeanAndSpreadAndIsHeldForItsInterval() {
        int n = 1001;
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Simulation sim = Simulation.create(spec(n), 2);
        StateRecorder r = sim.recordState("probe", List.of("I"), all, 1);
        sim.run(20);
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            float[] trace = r.trace("I", i);
            for (int s = 0; s < trace.length; s++) {
                // redrawn every 5 steps: within a hold the value does not change
                if (s % 5 != 0) {
                    assertEquals(trace[s - 1], trace[s], "neuron " + i + " step " + s);
                } else {
                    sum += trace[s];
                    squares += trace[s] * (double) trace[s];
                    count++;
                }
            }
            assertNotEquals(trace[0], trace[5], "neuron " + i + " redraws");
        }
        double mean = sum / count;
        double sd = Math.sqrt(squares / count - mean * mean);
        // 40,040 draws: standard error of the mean 0.025
        assertEquals(2, mean, 0.15);
        assertEquals(5, sd, 0.1);
    }

    @Test
    void noiseDoesNotDependOnTheThreadCount() {
        float[] reference = null;
        for (int threads : new int[] {1, 2, 3}) {
            Simulation sim = Simulation.create(spec(333), threads);
            sim.run(3.3);
            float[] values = sim.state("probe").variable("I").clone();
            if (reference == null) {
                reference = values;
            } else {
                assertArrayEquals(reference, values, threads + " threads");
            }
        }
    }

    @Test
    void twoInputsCannotOwnOneVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkSpec.builder(DT, 1)
                .population("probe", 3, new ProbeKernel(), Map.of())
                .input(CurrentInput.constant("probe", "I", 1))
                .noise(new NoiseCurrent("probe", "I", 0, 1, 1))
                .build());
        assertTrue(e.getMessage().contains("another input"), e.getMessage());
    }
}

package org.synlab.spiking;

import org.synlab.api.spiking.NeuronKernel;
import org.synlab.api.spiking.PopulationState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A kernel that fails stops every thread of the run and leaves the simulation refusing to go on. */
class FailureTest {

    /** Throws at step 30 when asked to update the neuron it is told to. */
    private static final class FailingKernel implements NeuronKernel {
        private final int neuron;

        FailingKernel(int neuron) {
            this.neuron = neuron;
        }

        @Override
        public List<String> variables() {
            return List.of("x");
        }

        @Override
        public int update(PopulationState state, long step, int from, int to, int[] spiked) {
            if (step == 30 && neuron >= from && neuron < to) {
                throw new IllegalStateException("kernel failed at neuron " + neuron);
            }
            return 0;
        }
    }

    @Test
    void aFailureOnAnyThreadEndsTheRunWithItsCause() {
        // neuron 0 is on the calling thread, neuron 99 on the last helper
        for (int neuron : new int[] {0, 99}) {
            for (int threads : new int[] {1, 3}) {
                NetworkSpec spec = NetworkSpec.builder(0.1, 1)
                        .poisson("p", 50, 100)
                        .population("a", 100, new FailingKernel(neuron), Map.of())
                        .projection("p", "a", Connector.allToAll(true), "x", Sign.EXCITATORY, Value.constant(1),
                                Value.constant(0.1))
                        .build();
                Simulation sim = Simulation.create(spec, threads);
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.run(10));
                assertEquals("kernel failed at neuron " + neuron, e.getMessage());
                IllegalStateException again = assertThrows(IllegalStateException.class, () -> sim.run(1));
                assertTrue(again.getMessage().contains("earlier run failed"), again.getMessage());
            }
        }
    }
}

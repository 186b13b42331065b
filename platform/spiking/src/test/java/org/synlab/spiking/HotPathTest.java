package org.synlab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The step loop allocates nothing per step, and a mixed network is the same on any thread count or executor. */
class HotPathTest {

    private static final double DT = 0.1;

    /** Sources, random delays and weights, recurrent synapses, a current and a noise input, all at once. */
    private static NetworkSpec mixed() {
        double[][] times = new double[50][];
        for (int i = 0; i < times.length; i++) {
            times[i] = new double[] {1 + i * 0.3, 20 + i * 0.1};
        }
        Map<String, Value> initial = Map.of("v", Value.uniform(-60, -50), "ge", Value.normal(0.5, 0.2));
        return NetworkSpec.builder(DT, 17)
                .poisson("noise", 300, 40)
                .spikeTimes("kick", times)
                .population("E", 700, LifCubaKernel.cuba(DT), initial)
                .population("I", 170, LifCubaKernel.cuba(DT), initial)
                .projection("noise", "E", Connector.fixedInDegree(20, false), "ge", Sign.EXCITATORY,
                        Value.uniform(0.5, 1.5), Value.uniform(0.1, 1.5))
                .projection("kick", "I", Connector.allToAll(true), "ge", Sign.EXCITATORY, Value.constant(2),
                        Value.constant(0.5))
                .projection("E", "E", Connector.fixedProbability(0.05, false), "ge", Sign.EXCITATORY,
                        Value.normal(1.2, 0.4), Value.uniform(0.1, 3))
                .projection("E", "I", Connector.fixedInDegree(30, true), "ge", Sign.EXCITATORY, Value.constant(1.2),
                        Value.constant(1))
                .projection("I", "E", Connector.fixedProbability(0.1, true), "gi", Sign.INHIBITORY,
                        Value.normal(-6, 1), Value.constant(0.8))
                .projection("I", "I", Connector.allToAll(false), "gi", Sign.INHIBITORY, Value.constant(-0.5),
                        Value.constant(0.2))
                .input(CurrentInput.stepped("I", "I", new double[] {0, 50}, new double[] {0.5, 1.5}))
                .noise(new NoiseCurrent("E", "I", 0.5, 1, 1.0))
                .build();
    }

    @Test
    void theStepLoopDoesNotAllocate() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int threadCount : new int[] {1, 2}) {
            Simulation sim = Simulation.create(mixed(), threadCount);
            sim.recordState("E", List.of("v"), new int[] {1, 500}, 10);
            sim.recordRate("E", 100);
            sim.runSteps(3000);
            long id = Thread.currentThread().threadId();
            long before = threads.getThreadAllocatedBytes(id);
            sim.runSteps(1000);
            long shortRun = threads.getThreadAllocatedBytes(id) - before;
            before = threads.getThreadAllocatedBytes(id);
            sim.runSteps(5000);
            long longRun = threads.getThreadAllocatedBytes(id) - before;
            // per-run costs (recorder reservations, helper threads) cancel; 4000 more steps must add next to nothing
            long perStep = (longRun - shortRun) / 4000;
            assertTrue(perStep < 2, threadCount + " thread(s): " + (longRun - shortRun) + " bytes over 4000 steps");
            assertTrue(sim.synapticEvents() > 100_000, "the network is active: " + sim.synapticEvents());
        }
    }

    @Test
    void mixedNetworkIsBitForBitTheSameOnOneTwoAndThreeThreadsAndOnAnExecutor() {
        int[][] reference = null;
        float[] referenceV = null;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int variant = 0; variant < 4; variant++) {
                Simulation sim = variant < 3 ? Simulation.create(mixed(), variant + 1)
                        : Simulation.create(mixed(), 4, pool);
                SpikeRecorder e = sim.recordSpikes("E");
                SpikeRecorder i = sim.recordSpikes("I");
                sim.run(150);
                sim.run(50);
                int[][] trains = {e.steps(), e.neurons(), i.steps(), i.neurons()};
                float[] v = sim.state("E").variable("v").clone();
                assertTrue(trains[0].length > 1000, "E fired " + trains[0].length);
                if (reference == null) {
                    reference = trains;
                    referenceV = v;
                } else {
                    for (int k = 0; k < 4; k++) {
                        assertArrayEquals(reference[k], trains[k], "variant " + variant + ", array " + k);
                    }
                    assertArrayEquals(referenceV, v, "variant " + variant);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

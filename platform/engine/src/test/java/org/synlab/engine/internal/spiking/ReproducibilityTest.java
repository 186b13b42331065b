package org.synlab.engine.internal.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synlab.engine.RunResult;
import org.synlab.engine.RunStatus;

/** The same file and seed give the same network and the same spikes on one thread and on two. */
class ReproducibilityTest {

    /** CUBA at a tenth of the size, with in-degree 80 as in the benchmark, for 200 ms. */
    static final String SMALL_CUBA = """
            seed: 11
            threads: 1
            simulation: {dt: 0.1 ms, duration: 200 ms, chunk: 50 ms}
            network:
              populations:
                exc: {size: 320, neuron: lif, params: {El: -49 mV}, initial: {v: {uniform: [-60 mV, -50 mV]}}}
                inh: {size: 80, neuron: lif, params: {El: -49 mV}, initial: {v: {uniform: [-60 mV, -50 mV]}}}
              projections:
                - {pre: exc, post: exc, connector: {fixed_indegree: 64}, target: ge, weight: 1.62 mV}
                - {pre: exc, post: inh, connector: {fixed_indegree: 64}, target: ge, weight: 1.62 mV}
                - {pre: inh, post: exc, connector: {fixed_indegree: 16}, target: gi, sign: inhibitory, weight: -9 mV}
                - {pre: inh, post: inh, connector: {fixed_indegree: 16}, target: gi, sign: inhibitory, weight: -9 mV}
            record:
              spikes: all
            """;

    @TempDir
    Path folder;

    @Test
    void sameSeedGivesIdenticalSpikesOnOneAndTwoThreads() throws Exception {
        Path file = SpikingRuns.write(folder, "small-cuba", SMALL_CUBA);
        RunResult one = SpikingRuns.run(file);
        RunResult two = SpikingRuns.run(file, "threads=2");
        assertEquals(RunStatus.FINISHED, one.status(), one.reason());
        assertEquals(RunStatus.FINISHED, two.status(), two.reason());
        assertEquals(1.0, one.metrics().get("sim.threads"));
        assertEquals(2.0, two.metrics().get("sim.threads"));
        assertTrue(one.metrics().get("sim.spikes") > 100, one.metrics().toString());
        assertEquals(one.metrics().get("sim.spikes"), two.metrics().get("sim.spikes"));
        assertEquals(one.metrics().get("sim.synaptic_events"), two.metrics().get("sim.synaptic_events"));
        assertEquals(one.metrics().get("cv_isi.exc"), two.metrics().get("cv_isi.exc"));
        assertEquals(one.history().get("neuron_rate_hz.exc"), two.history().get("neuron_rate_hz.exc"));
        assertEquals(one.history().get("neuron_rate_hz.inh"), two.history().get("neuron_rate_hz.inh"));
        assertEquals(400.0 * 80, one.metrics().get("sim.synapses"), "fixed in-degree 80 into each of 400 neurons");
    }

    @Test
    void withoutAThreadsKeyASmallNetworkRunsOnOneThreadAndALargeOneOnAllCores() throws Exception {
        Path small = SpikingRuns.write(folder, "small-cuba", SMALL_CUBA.replace("threads: 1\n", ""));
        assertEquals(1, SpikingRuns.prepare(small).threads());
        String large = """
                simulation: {dt: 0.1 ms, duration: 1 ms}
                network:
                  populations:
                    exc: {size: 160000, neuron: lif}
                    inh: {size: 40000, neuron: lif}
                """;
        assertEquals(200_000, SpikingPreparer.ONE_THREAD_BELOW_NEURONS);
        assertEquals(Runtime.getRuntime().availableProcessors(),
                SpikingRuns.prepare(SpikingRuns.write(folder, "large", large)).threads());
        assertEquals(2, SpikingRuns.prepare(small, "threads=2").threads(), "a given thread count is kept");
    }

    @Test
    void anotherSeedGivesAnotherNetwork() throws Exception {
        Path file = SpikingRuns.write(folder, "small-cuba", SMALL_CUBA);
        RunResult a = SpikingRuns.run(file);
        RunResult b = SpikingRuns.run(file, "seed=12");
        assertNotEquals(a.history().get("neuron_rate_hz.exc"), b.history().get("neuron_rate_hz.exc"));
    }
}

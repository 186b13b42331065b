package org.synlab.engine.internal.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.ArrayList;
import org.synlab.api.spiking.NeuronKernel;
import org.synlab.engine.Progress;
import org.synlab.engine.RunControl;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;
import org.synlab.engine.RunStatus;
import org.synlab.spiking.Connections;
import org.synlab.spiking.Simulation;

/** A network read from YAML has exactly the synapses, weights and delays the file asks for, and its spikes arrive on time. */
class SmallNetworkTest {

    static final String SMALL = """
            experiment: small
            seed: 5
            threads: 1
            simulation: {dt: 0.1 ms, duration: 50 ms, chunk: 10 ms}
            network:
              populations:
                a: {size: 10, neuron: lif, params: {El: -49 mV}, initial: {v: {uniform: [-60 mV, -50 mV]}}}
                b: {size: 20, neuron: lif}
              sources:
                cue: {spike_times: [[5 ms], [5 ms, 20 ms]]}
              projections:
                - {pre: a, post: b, connector: all_to_all, target: ge, weight: 1 mV, delay: 1.5 ms}
                - {pre: b, post: b, connector: all_to_all, allow_self: false, target: gi, sign: inhibitory,
                   weight: -1 mV, delay: {uniform: [1 ms, 3 ms]}}
                - {pre: cue, post: b, connector: {fixed_indegree: 1}, target: ge, weight: 100 mV}
                - {name: a-a, pre: a, post: a, connector: one_to_one, target: ge, weight: 0.5 mV}
            record:
              spikes: [b]
            """;

    @TempDir
    Path folder;

    private Simulation build(SpikingPlan plan) {
        Map<String, NeuronKernel> kernels = new LinkedHashMap<>();
        for (PopulationPlan p : plan.populations()) {
            kernels.put(p.name(), new InterpretedKernel(p.program(), plan.dtMs() * 1e-3));
        }
        return Simulation.create(plan.network(kernels), 1);
    }

    @Test
    void synapseCountsWeightsAndDelaysAreExact() throws Exception {
        SpikingPlan plan = SpikingRuns.prepare(SpikingRuns.write(folder, "small", SMALL));
        Simulation sim = build(plan);
        assertEquals(200, sim.synapseCount("a->b:ge"));
        assertEquals(20 * 19, sim.synapseCount("b->b:gi"));
        assertEquals(20, sim.synapseCount("cue->b:ge"));
        assertEquals(10, sim.synapseCount("a-a"));
        assertEquals(610, sim.synapseCount());

        Connections ab = sim.connections("a->b:ge");
        for (int k = 0; k < ab.size(); k++) {
            assertEquals(15, ab.delaySteps()[k], "1.5 ms at 0.1 ms is 15 steps");
            assertEquals(1e-3f, ab.weight()[k], "1 mV in volts");
        }
        Connections bb = sim.connections("b->b:gi");
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (int k = 0; k < bb.size(); k++) {
            assertTrue(bb.pre()[k] != bb.post()[k], "allow_self: false");
            assertEquals(-1e-3f, bb.weight()[k]);
            shortest = Math.min(shortest, bb.delaySteps()[k]);
            longest = Math.max(longest, bb.delaySteps()[k]);
        }
        assertTrue(shortest >= 10 && longest <= 30 && longest > shortest, shortest + ".." + longest + " steps");
        Connections cue = sim.connections("cue->b:ge");
        for (int k = 0; k < cue.size(); k++) {
            assertEquals(1, cue.delaySteps()[k], "the default delay is one time step");
        }
        Connections aa = sim.connections("a-a");
        assertArrayEquals(aa.pre(), aa.post(), "one_to_one");
    }

    @Test
    void initialValuesComeFromTheFileOrTheModel() throws Exception {
        SpikingPlan plan = SpikingRuns.prepare(SpikingRuns.write(folder, "small", SMALL));
        Simulation sim = build(plan);
        float[] va = sim.state("a").variable("v");
        for (float v : va) {
            assertTrue(v >= -0.060f && v < -0.050f, "uniform in [-60 mV, -50 mV): " + v);
        }
        assertTrue(va[0] != va[1], "drawn per neuron");
        for (float v : sim.state("b").variable("v")) {
            assertEquals(-0.060f, v, "lif starts at vr = -60 mV");
        }
    }

    @Test
    void runReportsTheSpikingMetricsAndTheRecordedSpikes() throws Exception {
        RunResult r = SpikingRuns.run(SpikingRuns.write(folder, "small", SMALL));
        assertEquals(RunStatus.FINISHED, r.status(), r.reason());
        for (String key : List.of("sim.bio_seconds", "sim.wall_seconds", "setup_seconds", "sim.spikes",
                "sim.synaptic_events", "sim.synapses", "rate_hz.a", "rate_hz.b", "cv_isi.a", "cv_isi.b")) {
            assertTrue(r.metrics().containsKey(key), key + " missing from " + r.metrics().keySet());
        }
        assertEquals(0.05, r.metrics().get("sim.bio_seconds"), 1e-12);
        assertEquals(610.0, r.metrics().get("sim.synapses"));
        // every b neuron has one cue input, and both cue neurons fire at 5 ms: a 100 mV kick to ge drives v
        // about 16 mV up within 10 ms, so every b neuron fires between 5 and 15 ms
        assertEquals(20, r.history().get("neuron_rate_hz.b").size());
        for (int i = 0; i < 20; i++) {
            List<Double> times = r.history().get("spike_times_ms.b." + i);
            assertTrue(!times.isEmpty() && times.get(0) > 5 && times.get(0) < 15, "neuron " + i + ": " + times);
        }
        assertTrue(r.metrics().get("rate_hz.b") * 20 * 0.05 >= 20, r.metrics().toString());
    }

    @Test
    void progressReportsTheFractionOfBiologicalTimeChunkByChunk() throws Exception {
        List<Progress> reports = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void progress(Progress progress) {
                reports.add(progress);
            }
        };
        RunResult r = SpikingRuns.prepare(SpikingRuns.write(folder, "small", SMALL)).execute(listener, new RunControl());
        assertEquals(RunStatus.FINISHED, r.status(), r.reason());
        assertEquals(5, reports.size(), "50 ms in chunks of 10 ms");
        for (int k = 0; k < 5; k++) {
            assertEquals(k + 1, reports.get(k).epoch());
            assertEquals(5, reports.get(k).epochs());
            assertEquals((k + 1) / 5.0, reports.get(k).fraction(), 1e-12);
            assertEquals((k + 1) * 0.01, reports.get(k).metrics().get("sim.bio_seconds"), 1e-12);
        }
    }

    @Test
    void eachChunksSpikesReachTheListenerForLiveViews() throws Exception {
        java.util.Map<String, Integer> spikes = new java.util.HashMap<>();
        List<Integer> lastStep = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void spikes(String population, int size, double dtMs, int[] steps, int[] neurons) {
                assertEquals(steps.length, neurons.length);
                for (int k = 0; k < neurons.length; k++) {
                    assertTrue(neurons[k] >= 0 && neurons[k] < size, population + " neuron " + neurons[k]);
                }
                spikes.merge(population, steps.length, Integer::sum);
                lastStep.add(steps[steps.length - 1]);
            }
        };
        RunResult r = SpikingRuns.prepare(SpikingRuns.write(folder, "small", SMALL)).execute(listener, new RunControl());
        assertEquals(RunStatus.FINISHED, r.status(), r.reason());
        int handed = spikes.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(r.metrics().get("sim.spikes"), (double) handed, "every model population's spike, once");
        assertTrue(lastStep.stream().allMatch(s -> s < 500), "steps lie within the 50 ms run at 0.1 ms: " + lastStep);
    }

    @Test
    void cancellingStopsTheRunBetweenChunksWithTheReason() throws Exception {
        RunControl control = new RunControl();
        RunListener cancelAfterTwo = new RunListener() {
            @Override
            public void progress(Progress progress) {
                if (progress.epoch() == 2) {
                    control.cancel("stopped by the user");
                }
            }
        };
        RunResult r = SpikingRuns.prepare(SpikingRuns.write(folder, "small", SMALL)).execute(cancelAfterTwo, control);
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals("stopped by the user", r.reason());
        assertEquals(0.02, r.metrics().get("sim.bio_seconds"), 1e-12, "two chunks of 10 ms ran");
    }

    @Test
    void aModelDeclaredInTheFileRunsLikeAnInstalledOne() throws Exception {
        Path file = SpikingRuns.write(folder, "declared", """
                seed: 3
                threads: 1
                simulation: {dt: 0.1 ms, duration: 100 ms}
                models:
                  leaky:
                    equations: |
                      dv/dt = (El - v + R*I)/tau : volt (unless refractory)
                      I : amp
                    threshold: v > vt
                    reset: v = El
                    refractory: 2 ms
                    method: exponential_euler
                    parameters: {El: -70 mV, vt: -55 mV, R: 100 Mohm, tau: 10 ms}
                    initial: {v: El}
                network:
                  populations:
                    cells: {size: 3, neuron: leaky, params: {I: [0.1 nA, 0.2 nA, 0.3 nA]}}
                record:
                  spikes: all
                """);
        RunResult r = SpikingRuns.run(file);
        assertEquals(RunStatus.FINISHED, r.status(), r.reason());
        List<Double> rates = r.history().get("neuron_rate_hz.cells");
        // R I = 10, 20, 30 mV against a 15 mV threshold: silent, then 1/(2 ms + 10 ms ln(RI/(RI - 15 mV)))
        assertEquals(0.0, rates.get(0));
        assertEquals(1000 / (2 + 10 * Math.log(20.0 / 5)), rates.get(1), 10.0 + 1.0);
        assertEquals(1000 / (2 + 10 * Math.log(30.0 / 15)), rates.get(2), 10.0 + 1.0);
    }

    @Test
    void poissonNoiseAndSteppedCurrentsDriveTheirTargetsAndStateIsSampled() throws Exception {
        Path file = SpikingRuns.write(folder, "sources", """
                seed: 9
                threads: 1
                simulation: {dt: 0.1 ms, duration: 100 ms}
                network:
                  populations:
                    driven: {size: 10, neuron: lif}
                    noisy: {size: 10, neuron: izhikevich}
                    stepped: {size: 2, neuron: lif}
                  sources:
                    bg: {poisson: 200 Hz, size: 50}
                    thalamus: {noise: {mean: 10 mV/ms, sd: 5 mV/ms, every: 1 ms}, population: noisy}
                    step: {current: {steps: [[50 ms, 0.5 nA]]}, population: stepped}
                  projections:
                    - {pre: bg, post: driven, connector: {fixed_indegree: 20}, target: ge, weight: 5 mV}
                record:
                  spikes: [stepped]
                  state:
                    - {population: stepped, variables: [v, I], neurons: [1], every: 10}
                """);
        // the probe's samples also reach the listener chunk by chunk (the dashboard's live traces)
        List<Float> streamed = new ArrayList<>();
        List<Integer> firstSamples = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void traces(String population, String variable, int firstSample, double sampleMs, int[] neurons,
                               float[][] values) {
                assertEquals("stepped", population);
                assertEquals(1.0, sampleMs, 1e-12, "every 10 steps of 0.1 ms");
                assertEquals(1, neurons[0]);
                if (variable.equals("I")) {
                    firstSamples.add(firstSample);
                    for (float value : values[0]) {
                        streamed.add(value);
                    }
                }
            }
        };
        RunResult r = SpikingRuns.prepare(file).execute(listener, new RunControl());
        assertEquals(RunStatus.FINISHED, r.status(), r.reason());
        assertEquals(r.history().get("state.stepped.I.1"), streamed.stream().map(Double::valueOf).toList());
        assertEquals(0, firstSamples.get(0), "the first chunk starts at sample 0");
        assertEquals(200.0, r.metrics().get("sim.synapses"));
        double events = r.metrics().get("sim.synaptic_events");
        // 50 sources at 200 Hz for 0.1 s fire about 1,000 times; 200 synapses from 50 sources: 4 targets each
        assertTrue(events > 3000 && events < 5000, "about 4,000 events: " + events);
        assertTrue(r.metrics().get("rate_hz.driven") > 10, r.metrics().toString());
        assertTrue(r.metrics().get("rate_hz.noisy") > 10, r.metrics().toString());
        // the step starts at 50 ms: nothing before, spikes after
        List<Double> times = r.history().get("spike_times_ms.stepped.1");
        assertTrue(!times.isEmpty() && times.get(0) > 50, times.toString());
        List<Double> current = r.history().get("state.stepped.I.1");
        List<Double> v = r.history().get("state.stepped.v.1");
        assertEquals(100, current.size(), "every 10 steps for 1,000 steps");
        assertEquals(0.0, current.get(49));
        assertEquals(0.5e-9, current.get(50), 1e-15);
        assertEquals(-0.060, v.get(0), 1e-6);
        assertTrue(v.get(55) > -0.060, "depolarised after the step: " + v.get(55));
    }

    @Test
    void theWarmUpCopyLeavesNoTraceInTheRun() throws Exception {
        // 50 ms (500 steps) is warmed up on a throwaway copy first; 9 ms (90 steps) is too short for a warm-up
        RunResult warmed = SpikingRuns.run(SpikingRuns.write(folder, "small", SMALL));
        RunResult cold = SpikingRuns.run(SpikingRuns.write(folder, "short", SMALL.replace("duration: 50 ms",
                "duration: 9 ms").replace("chunk: 10 ms", "chunk: 9 ms")));
        assertEquals(500.0, warmed.metrics().get("warm_up_steps"));
        assertEquals(null, cold.metrics().get("warm_up_steps"));
        int compared = 0;
        for (int n = 0; n < 20; n++) {
            List<Double> first = cold.history().get("spike_times_ms.b." + n);
            List<Double> long_ = warmed.history().get("spike_times_ms.b." + n).stream().filter(t -> t < 9).toList();
            assertEquals(first, long_, "neuron " + n + " of b in its first 9 ms");
            compared += first.size();
        }
        assertTrue(compared > 0, "the cue makes b fire within 9 ms");
    }
}

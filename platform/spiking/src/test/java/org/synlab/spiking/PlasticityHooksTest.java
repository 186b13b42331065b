package org.synlab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.Synapses;

/**
 * The runtime calls a plastic projection's hooks as {@link Plasticity} promises: after delivery (a spike carries the
 * weight from before its own step's plasticity), presynaptic spikes ascending, then postsynaptic spikes of the
 * slice's own range ascending, then the reward, then the end of the step; one state per thread slice.
 */
class PlasticityHooksTest {

    private static final double DT = 0.1;
    private static final int PRE = 6;
    private static final int POST = 40;

    /** Logs every hook as text and adds 100 to every synapse of a presynaptic spike. */
    private static final class Recorder implements Plasticity {
        final Synapses synapses;
        final double dt;
        final List<String> log = new ArrayList<>();

        Recorder(Synapses synapses, double dt) {
            this.synapses = synapses;
            this.dt = dt;
        }

        @Override
        public void preSpike(int pre, int begin, int end, long step) {
            log.add(step + " pre " + pre);
            for (int s = begin; s < end; s++) {
                assertEquals(pre, synapses.pre()[s], "the range holds only the row's synapses");
                synapses.weight()[s] += 100;
            }
            int inRow = 0;
            for (int s = 0; s < synapses.count(); s++) {
                inRow += synapses.pre()[s] == pre ? 1 : 0;
            }
            assertEquals(inRow, end - begin, "the range holds all the row's synapses of the slice");
        }

        @Override
        public void postSpike(int post, long step) {
            log.add(step + " post " + post);
        }

        @Override
        public void reward(double value, long step) {
            log.add(step + " reward " + value);
        }

        @Override
        public void endStep(long step) {
            log.add(step + " end");
        }

        @Override
        public void beforePattern(long step) {
            log.add(step + " pattern");
        }

        @Override
        public void settle(long step) {
            log.add(step + " settle");
        }
    }

    private final List<Recorder> states = new ArrayList<>();

    /**
     * Sources 0..5 fire at step 10 in reverse declaration order of time arrays (so ascending order is the runtime's
     * doing); source 2 fires again at step 20. Targets 3 and 35 (in different thread ranges on two threads) fire at
     * step 10 too, target 3 again at step 12.
     */
    private NetworkSpec spec() {
        double[][] times = new double[PRE][];
        for (int i = 0; i < PRE; i++) {
            times[i] = i == 2 ? new double[] {1.0, 2.0} : new double[] {1.0};
        }
        long[][] script = new long[POST][0];
        script[3] = new long[] {10, 12};
        script[35] = new long[] {10};
        return NetworkSpec.builder(DT, 3)
                .spikeTimes("in", times)
                .population("out", POST, new ScriptKernel(script), Map.of())
                .projection("in", "out", Connector.allToAll(true), "x", Sign.EXCITATORY, Value.constant(1),
                        Value.constant(DT), (synapses, dt) -> {
                            Recorder r = new Recorder(synapses, dt);
                            states.add(r);
                            return r;
                        })
                .build();
    }

    @Test
    void oneStatePerSliceAttachedWithTheStepInSeconds() {
        Simulation sim = Simulation.create(spec(), 2);
        assertEquals(2, states.size());
        assertEquals(1e-4, states.get(0).dt, 1e-15);
        assertEquals(PRE * 32, states.get(0).synapses.count(), "thread 0 owns targets 0..31");
        assertEquals(PRE * 8, states.get(1).synapses.count(), "thread 1 owns targets 32..39");
        assertEquals(POST, states.get(0).synapses.postSize());
        assertEquals(PRE * POST, sim.synapseCount("in->out:x"));
    }

    @Test
    void deliveryCarriesTheWeightFromBeforeItsOwnStepsPlasticity() {
        for (int threads : new int[] {1, 2}) {
            states.clear();
            Simulation sim = Simulation.create(spec(), threads);
            StateRecorder x = sim.recordState("out", List.of("x"), new int[] {0, 39}, 1);
            sim.run(3.0);
            for (int neuron : new int[] {0, 39}) {
                float[] trace = x.trace("x", neuron);
                // step 10: six spikes of weight 1, arriving at step 11; step 20: source 2's weight is now 101
                assertEquals(0f, trace[10], threads + " threads");
                assertEquals(6f, trace[11], threads + " threads");
                assertEquals(6f, trace[20], threads + " threads");
                assertEquals(107f, trace[21], threads + " threads");
            }
            Connections c = sim.connections("in->out:x");
            for (int s = 0; s < c.size(); s++) {
                assertEquals(c.pre()[s] == 2 ? 201f : 101f, c.weight()[s], "synapse " + s);
            }
        }
    }

    @Test
    void aSpikeOnItsWayKeepsTheWeightItLeftWith() {
        for (int threads : new int[] {1, 2}) {
            double[][] times = {{1.0}, {1.0}};
            NetworkSpec spec = NetworkSpec.builder(DT, 3)
                    .spikeTimes("in", times)
                    .population("out", POST, new ScriptKernel(new long[0][]), Map.of())
                    .projection("in", "out", Connector.allToAll(true), "x", Sign.EXCITATORY, Value.constant(1),
                            Value.constant(0.5), (synapses, dt) -> new Recorder(synapses, dt))
                    .build();
            Simulation sim = Simulation.create(spec, threads);
            StateRecorder x = sim.recordState("out", List.of("x"), new int[] {0, 39}, 1);
            // the spikes of step 10 arrive at step 15; in between, the rule adds 100 and the caller writes 1000
            sim.runSteps(12);
            float[] loaded = new float[sim.synapseCount("in->out:x")];
            Arrays.fill(loaded, 1000f);
            sim.setWeights("in->out:x", loaded);
            sim.runSteps(8);
            for (int neuron : new int[] {0, 39}) {
                assertEquals(0f, x.trace("x", neuron)[14], threads + " threads");
                assertEquals(2f, x.trace("x", neuron)[15], threads + " threads");
            }
        }
    }

    @Test
    void hooksComeInTheDocumentedOrderForEachSlice() {
        Simulation sim = Simulation.create(spec(), 2);
        sim.runSteps(10);
        sim.beforePattern();
        sim.reward(0.5);
        sim.reward(0.25);
        sim.runSteps(3);
        sim.settle();
        List<String> low = states.get(0).log;
        List<String> high = states.get(1).log;
        // every presynaptic spike goes to both slices; each postsynaptic spike only to its owner's
        List<String> expectedLow = new ArrayList<>();
        List<String> expectedHigh = new ArrayList<>();
        for (long t = 0; t < 10; t++) {
            expectedLow.add(t + " end");
            expectedHigh.add(t + " end");
        }
        for (List<String> e : List.of(expectedLow, expectedHigh)) {
            e.add("10 pattern");
            for (int i = 0; i < PRE; i++) {
                e.add("10 pre " + i);
            }
        }
        expectedLow.add("10 post 3");
        expectedHigh.add("10 post 35");
        for (List<String> e : List.of(expectedLow, expectedHigh)) {
            e.add("10 reward 0.75");
            e.add("10 end");
            e.add("11 end");
        }
        expectedLow.add("12 post 3");
        for (List<String> e : List.of(expectedLow, expectedHigh)) {
            e.add("12 end");
            e.add("13 settle");
        }
        assertEquals(expectedLow, low);
        assertEquals(expectedHigh, high);
    }

    @Test
    void aRewardIsForTheNextStepOnly() {
        Simulation sim = Simulation.create(spec(), 1);
        sim.reward(1);
        sim.runSteps(2);
        sim.runSteps(2);
        List<String> rewards = states.get(0).log.stream().filter(s -> s.contains("reward")).toList();
        assertEquals(List.of("0 reward 1.0"), rewards);
    }

    @Test
    void weightsWrittenInCanonicalOrderReadBackOnAnyThreadCount() {
        states.clear();
        Simulation two = Simulation.create(spec(), 2);
        float[] w = new float[two.synapseCount("in->out:x")];
        for (int s = 0; s < w.length; s++) {
            w[s] = s * 0.5f;
        }
        two.setWeights("in->out:x", w);
        Connections fromTwo = two.connections("in->out:x");
        assertArrayEquals(w, fromTwo.weight());
        Simulation one = Simulation.create(spec(), 1);
        one.setWeights("in->out:x", fromTwo.weight());
        Connections fromOne = one.connections("in->out:x");
        assertArrayEquals(fromTwo.pre(), fromOne.pre());
        assertArrayEquals(fromTwo.post(), fromOne.post());
        assertArrayEquals(fromTwo.weight(), fromOne.weight());
        // and the network delivers them: source 0's synapse onto target 39 is synapse 39 of row 0
        StateRecorder x = one.recordState("out", List.of("x"), new int[] {39}, 1);
        one.run(1.2);
        float expected = 0;
        for (int i = 0; i < PRE; i++) {
            expected += w[i * POST + 39];
        }
        assertEquals(expected, x.trace("x", 39)[11]);
        assertEquals(3, states.size(), "one state per slice of each network");
    }

    @Test
    void settingWeightsChecksTheirNumberAndValues() {
        Simulation sim = Simulation.create(spec(), 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> sim.setWeights("in->out:x", new float[3]));
        assertTrue(e.getMessage().contains("240 synapses"), e.getMessage());
        float[] bad = new float[PRE * POST];
        bad[7] = Float.NaN;
        assertThrows(IllegalArgumentException.class,
                () -> sim.setWeights("in->out:x", bad));
        bad[7] = -1;
        e = assertThrows(IllegalArgumentException.class,
                () -> sim.setWeights("in->out:x", bad));
        assertTrue(e.getMessage().contains("excitatory"), e.getMessage());
    }
}

package org.synlab.plugins.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.api.eqs.ReferenceStepper;
import org.synlab.api.eqs.Variable;
import org.synlab.api.spiking.NeuronKernel;
import org.synlab.api.spiking.PopulationState;
import org.synlab.plugins.neurons.spiking.AdExNeuron;
import org.synlab.plugins.neurons.spiking.HodgkinHuxleyNeuron;
import org.synlab.plugins.neurons.spiking.IzhikevichNeuron;
import org.synlab.plugins.neurons.spiking.LifCondNeuron;
import org.synlab.plugins.neurons.spiking.LifNeuron;

/**
 * The generated neuron code of the shipped models against their double-precision reference stepper
 * (run with float32 storage): the same spikes, within a step, over hundreds of milliseconds of
 * tonic firing; and neurons stepped 16 at a time against the same neurons stepped one by one.
 */
class NeuronKernelTest {

    private static final double DT = 1e-4;
    /** 35 neurons: two full 16-lane vectors and a tail of 3 that the scalar loop steps. */
    private static final int NEURONS = 35;

    private final Compute compute = new CpuBackend().open(new ComputeConfig(1, 1L));

    @AfterEach
    void close() {
        compute.close();
    }

    /** Model, its input variable, and the input of neuron k (k in 0..15), chosen to make each fire tonically. */
    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("lif", new LifNeuron().program(Map.of()), "I", 0.11e-9, 0.01e-9),
                Arguments.of("lif-cond", new LifCondNeuron().program(Map.of()), "I", 0.25e-9, 0.02e-9),
                Arguments.of("izhikevich", new IzhikevichNeuron().program(Map.of()), "I", 5.0, 0.5),
                Arguments.of("adex", new AdExNeuron().program(Map.of()), "I", 0.7e-9, 0.05e-9),
                Arguments.of("hh", new HodgkinHuxleyNeuron().program(Map.of()), "I", 0.05e-9, 0.01e-9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void spikesWhenTheReferenceDoes(String name, NeuronProgram program, String input, double base, double step) {
        double dt = name.equals("hh") ? 1e-5 : DT;
        int steps = (int) Math.round(0.3 / dt);
        NeuronKernel kernel = compute.neurons(program, dt);
        PopulationState state = state(program, kernel);
        ReferenceStepper reference = new ReferenceStepper(program, NEURONS, dt, true);
        for (int n = 0; n < NEURONS; n++) {
            double current = base + (n % 16) * step;
            state.variable(input)[n] = (float) current;
            reference.set(input, n, current);
        }
        List<List<Long>> generated = spikeSteps(kernel, state, steps);
        List<List<Long>> expected = new ArrayList<>();
        for (int n = 0; n < NEURONS; n++) {
            expected.add(new ArrayList<>());
        }
        for (long s = 0; s < steps; s++) {
            for (int n : reference.step()) {
                expected.get(n).add(s);
            }
        }

        int total = 0;
        for (int n = 0; n < NEURONS; n++) {
            List<Long> got = generated.get(n);
            List<Long> want = expected.get(n);
            assertEquals(want.size(), got.size(), name + " neuron " + n + " spike count");
            for (int k = 0; k < want.size(); k++) {
                // float rounding may move a crossing by a step, never more over 0.3 s
                assertTrue(Math.abs(want.get(k) - got.get(k)) <= 1, name + " neuron " + n + " spike " + k + ": step "
                        + got.get(k) + ", reference " + want.get(k));
            }
            total += got.size();
        }
        assertTrue(total > NEURONS, name + " must fire tonically in this test, fired " + total);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aVectorLaneAndTheScalarTailStepANeuronAlike(String name, NeuronProgram program, String input, double base,
                                                       double step) {
        double dt = name.equals("hh") ? 1e-5 : DT;
        NeuronKernel kernel = compute.neurons(program, dt);
        PopulationState state = state(program, kernel);
        for (int n = 0; n < NEURONS; n++) {
            state.variable(input)[n] = (float) (base + (n % 16) * step);
        }
        List<List<Long>> spikes = spikeSteps(kernel, state, (int) Math.round(0.2 / dt));

        // neurons 32..34 (scalar tail) have the inputs of 0..2 and 16..18 (vector lanes)
        for (int k = 0; k < NEURONS - 32; k++) {
            assertEquals(spikes.get(k), spikes.get(32 + k), name + ": neuron " + k + " and tail neuron " + (32 + k));
            assertEquals(spikes.get(16 + k), spikes.get(32 + k), name + ": neuron " + (16 + k) + " and " + (32 + k));
            for (String v : kernel.variables()) {
                float[] values = state.variable(v);
                assertEquals(Float.floatToIntBits(values[k]), Float.floatToIntBits(values[32 + k]),
                        name + " variable " + v + " of neuron " + k);
            }
        }
    }

    @Test
    void stepsOnlyItsRangeAndReportsSpikesAscending() {
        NeuronProgram program = new IzhikevichNeuron().program(Map.of());
        NeuronKernel kernel = compute.neurons(program, DT);
        PopulationState state = state(program, kernel);
        for (int n = 0; n < NEURONS; n++) {
            state.variable("v")[n] = n % 2 == 0 ? 0.04f : -0.065f; // above the 30 mV peak: fires at once
        }
        float[] before = state.variable("v").clone();
        int[] spiked = new int[NEURONS];

        int count = kernel.update(state, 0, 16, NEURONS, spiked);

        assertArrayEquals(java.util.Arrays.copyOf(before, 16), java.util.Arrays.copyOf(state.variable("v"), 16),
                "neurons outside [16, 35) are untouched");
        int[] expected = java.util.stream.IntStream.range(16, NEURONS).filter(n -> n % 2 == 0).toArray();
        assertArrayEquals(expected, java.util.Arrays.copyOf(spiked, count));
    }

    @Test
    void rejectsATimeStepThatIsNotPositive() {
        NeuronProgram program = new LifNeuron().program(Map.of());
        var e = assertThrows(IllegalArgumentException.class, () -> compute.neurons(program, 0));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        assertFalse(compute.neurons(program, DT).variables().isEmpty());
    }

    private static PopulationState state(NeuronProgram program, NeuronKernel kernel) {
        PopulationState state = new PopulationState("p", NEURONS, kernel.variables(), DT * 1e3);
        for (Variable v : program.variables()) {
            java.util.Arrays.fill(state.variable(v.name()), (float) v.initial());
        }
        return state;
    }

    private static List<List<Long>> spikeSteps(NeuronKernel kernel, PopulationState state, int steps) {
        List<List<Long>> out = new ArrayList<>();
        for (int n = 0; n < NEURONS; n++) {
            out.add(new ArrayList<>());
        }
        int[] spiked = new int[NEURONS];
        for (long s = 0; s < steps; s++) {
            int count = kernel.update(state, s, 0, NEURONS, spiked);
            for (int i = 0; i < count; i++) {
                out.get(spiked[i]).add(s);
            }
        }
        return out;
    }
}

package org.synlab.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.NeuronModel;
import org.synlab.api.SpikingNeuron;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.api.eqs.Variable;
import org.synlab.api.spiking.NeuronKernel;
import org.synlab.api.spiking.PopulationState;
import org.synlab.plugins.backend.cpu.CpuBackend;
import org.synlab.plugins.neurons.spiking.AdExNeuron;
import org.synlab.plugins.neurons.spiking.HodgkinHuxleyNeuron;
import org.synlab.plugins.neurons.spiking.IzhikevichNeuron;
import org.synlab.plugins.neurons.spiking.LifCondNeuron;
import org.synlab.plugins.neurons.spiking.LifNeuron;

/**
 * One time step of 4,096 neurons: the cpu backend's generated code for each shipped model, and beside
 * it a hand-written Java loop for the current-based LIF of the CUBA benchmark (exact propagators,
 * written as one would by hand), to show what generating code from the equations costs. Scores are
 * microseconds per step of the population; divide by 4,096 for nanoseconds per neuron-step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NeuronKernelBenchmark {

    static final int NEURONS = 4096;

    @Param({"lif-handwritten", "lif", "lif-cond", "izhikevich", "adex", "hh"})
    public String model;

    private Compute compute;
    private NeuronKernel kernel;
    private PopulationState state;
    private final int[] spiked = new int[NEURONS];
    private long step;

    @Setup
    public void open() {
        compute = new CpuBackend().open(new ComputeConfig(1, 1L));
        double dt = model.equals("hh") ? 1e-5 : 1e-4;
        NeuronProgram program = switch (model) {
            case "lif", "lif-handwritten" -> program(new LifNeuron(), Map.of("El", "-49 mV"));
            case "lif-cond" -> program(new LifCondNeuron(), Map.of());
            case "izhikevich" -> program(new IzhikevichNeuron(), Map.of());
            case "adex" -> program(new AdExNeuron(), Map.of());
            case "hh" -> program(new HodgkinHuxleyNeuron(), Map.of());
            default -> throw new IllegalArgumentException(model);
        };
        kernel = model.equals("lif-handwritten") ? new HandwrittenLif(dt) : compute.neurons(program, dt);
        state = new PopulationState(model, NEURONS, kernel.variables(), dt * 1e3);
        for (Variable v : program.variables()) {
            if (kernel.variables().contains(v.name())) {
                java.util.Arrays.fill(state.variable(v.name()), (float) v.initial());
            }
        }
        // spread the membrane potentials so that some neurons cross the threshold on most steps
        SplittableRandom random = new SplittableRandom(1);
        float[] v = state.variable("v");
        for (int i = 0; i < NEURONS; i++) {
            v[i] += (float) (random.nextDouble() * 0.01);
        }
    }

    private static NeuronProgram program(NeuronModel neuron, Map<String, ?> params) {
        return ((SpikingNeuron) neuron).program(params);
    }

    @Benchmark
    public int step() {
        return kernel.update(state, step++, 0, NEURONS, spiked);
    }

    @TearDown
    public void close() {
        compute.close();
    }

    /**
     * CUBA's LIF as one writes it by hand: exact propagators for v, ge, gi, the threshold, the reset
     * to -60 mV, and a 5 ms refractory counter; state names as the generated lif's.
     */
    static final class HandwrittenLif implements NeuronKernel {
        private final float pm;
        private final float pe;
        private final float pi;
        private final float ce;
        private final float ci;
        private final int hold;

        HandwrittenLif(double dt) {
            double taum = 20e-3;
            double taue = 5e-3;
            double taui = 10e-3;
            double em = Math.exp(-dt / taum);
            double ee = Math.exp(-dt / taue);
            double ei = Math.exp(-dt / taui);
            pm = (float) em;
            pe = (float) ee;
            pi = (float) ei;
            ce = (float) (taue / (taue - taum) * (ee - em));
            ci = (float) (taui / (taui - taum) * (ei - em));
            hold = (int) Math.round(5e-3 / dt);
        }

        @Override
        public List<String> variables() {
            return List.of("v", "ge", "gi");
        }

        @Override
        public int update(PopulationState s, long step, int from, int to, int[] spiked) {
            float[] v = s.variable(0);
            float[] ge = s.variable(1);
            float[] gi = s.variable(2);
            int[] refractory = s.refractory();
            int count = 0;
            for (int i = from; i < to; i++) {
                float e = ge[i];
                float h = gi[i];
                if (refractory[i] > 0) {
                    refractory[i]--;
                } else {
                    v[i] = -0.049f + (v[i] + 0.049f) * pm + e * ce + h * ci;
                }
                ge[i] = e * pe;
                gi[i] = h * pi;
                if (v[i] > -0.05f) {
                    v[i] = -0.06f;
                    refractory[i] = hold;
                    spiked[count++] = i;
                }
            }
            return count;
        }
    }
}

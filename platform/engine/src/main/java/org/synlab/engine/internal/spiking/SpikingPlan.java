package org.synlab.engine.internal.spiking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.Backend;
import org.synlab.api.spiking.NeuronKernel;
import org.synlab.engine.RunControl;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;
import org.synlab.engine.internal.Plan;
import org.synlab.spiking.CurrentInput;
import org.synlab.spiking.NetworkSpec;
import org.synlab.spiking.NoiseCurrent;
import org.synlab.spiking.Population;
import org.synlab.spiking.Projection;
import org.synlab.spiking.Value;

/**
 * A spiking experiment, checked and resolved: everything but the compiled neuron kernels, which the
 * run asks its backend for when it starts.
 *
 * @param name        the experiment's name
 * @param seed        the seed of every random stream
 * @param backend     the backend that compiles the neuron kernels
 * @param threads     simulation threads
 * @param dtMs        the time step
 * @param durationMs  biological time to simulate
 * @param chunkMs     biological time between progress reports, cancellation checks and recorder flushes
 * @param populations model populations, in declaration order
 * @param sources     Poisson and spike-time sources, in declaration order (after the populations)
 * @param projections projections, in declaration order
 * @param inputs      current inputs
 * @param noise       noise inputs
 * @param record      what to record
 * @param presentation images shown as input rates, labelled and voted on (the run's length is theirs), or null
 */
public record SpikingPlan(String name, long seed, Backend backend, int threads, double dtMs, double durationMs,
                          double chunkMs, List<PopulationPlan> populations, List<Population> sources,
                          List<Projection> projections, List<CurrentInput> inputs, List<NoiseCurrent> noise,
                          RecordSpec record, PresentationSpec presentation) implements Plan {

    public SpikingPlan {
        populations = List.copyOf(populations);
        sources = List.copyOf(sources);
        projections = List.copyOf(projections);
        inputs = List.copyOf(inputs);
        noise = List.copyOf(noise);
    }

    @Override
    public String backendName() {
        return backend.name();
    }

    @Override
    public RunResult execute(RunListener listener, RunControl control) {
        return new SpikingRunner(this, listener, control).run();
    }

    /**
     * The runtime's network with these kernels, one per population by name. Start values are given
     * only for the variables a kernel has, so a backend may keep a program's internal counters in
     * its own form (the refractory counter of {@link org.synlab.api.spiking.PopulationState}).
     *
     * @throws IllegalArgumentException if the runtime rejects the network
     */
    public NetworkSpec network(Map<String, NeuronKernel> kernels) {
        NetworkSpec.Builder builder = NetworkSpec.builder(dtMs, seed);
        for (PopulationPlan p : populations) {
            NeuronKernel kernel = kernels.get(p.name());
            Map<String, Value> initial = new LinkedHashMap<>();
            p.drawn().forEach((variable, value) -> {
                if (kernel.variables().contains(variable)) {
                    initial.put(variable, value);
                }
            });
            builder.population(p.name(), p.size(), kernel, initial);
        }
        sources.forEach(builder::population);
        projections.forEach(builder::projection);
        inputs.forEach(builder::input);
        noise.forEach(builder::noise);
        return builder.build();
    }

    /** The network checked with stand-in kernels (what {@link SpikingPreparer} does before a run). */
    NetworkSpec shape() {
        Map<String, NeuronKernel> kernels = new LinkedHashMap<>();
        populations.forEach(p -> kernels.put(p.name(), new ShapeKernel(p.program())));
        return network(kernels);
    }
}

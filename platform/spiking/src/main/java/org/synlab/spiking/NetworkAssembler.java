package org.synlab.spiking;

import org.synlab.api.spiking.PopulationState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.synlab.api.plasticity.Plasticity;
import org.synlab.spiking.internal.DelayBuffer;
import org.synlab.spiking.internal.Draws;
import org.synlab.spiking.internal.InputSchedule;
import org.synlab.spiking.internal.NoiseSchedule;
import org.synlab.spiking.internal.Partition;
import org.synlab.spiking.internal.PoissonGenerator;
import org.synlab.spiking.internal.SpikeTimeGenerator;
import org.synlab.spiking.internal.Streams;
import org.synlab.spiking.internal.SynapseBuilder;
import org.synlab.spiking.internal.SynapseMatrix;
import org.synlab.spiking.internal.SynapseSlice;

/** Turns a {@link NetworkSpec} into run-time populations and projections split among a number of threads. */
final class NetworkAssembler {

    private final NetworkSpec spec;
    private final int threads;

    NetworkAssembler(NetworkSpec spec, int threads) {
        this.spec = spec;
        this.threads = threads;
    }

    /** The populations, in declaration order. */
    List<RuntimePopulation> populations() {
        List<RuntimePopulation> result = new ArrayList<>();
        Draws draws = new Draws();
        for (int index = 0; index < spec.populations().size(); index++) {
            Population population = spec.populations().get(index);
            Partition partition = new Partition(population.size(), threads);
            RuntimePopulation runtime = switch (population) {
                case NeuronPopulation p -> new RuntimePopulation(p.name(), p.size(), partition,
                        initialState(p, index, draws), p.kernel(), null);
                case PoissonSource p -> new RuntimePopulation(p.name(), p.size(), partition, null, null,
                        new PoissonGenerator(p.rates(), spec.dt(), spec.seed(), Streams.of(Streams.POISSON, index, 0)));
                case SpikeTimeSource p -> new RuntimePopulation(p.name(), p.size(), partition, null, null,
                        new SpikeTimeGenerator(p.timesMs(), spec.dt(), partition));
            };
            result.add(runtime);
        }
        for (CurrentInput input : spec.inputs()) {
            RuntimePopulation target = result.get(spec.indexOf(input.population()));
            target.inputList.add(new InputSchedule(input, spec.dt(), target.state.variable(input.variable())));
        }
        for (int n = 0; n < spec.noise().size(); n++) {
            NoiseCurrent noise = spec.noise().get(n);
            RuntimePopulation target = result.get(spec.indexOf(noise.population()));
            int hold = (int) Math.max(1, Math.round(noise.intervalMs() / spec.dt()));
            target.noiseList.add(new NoiseSchedule(target.state.variable(noise.variable()), noise.mean(), noise.sd(),
                    hold, spec.seed(), Streams.of(Streams.NOISE, n, 0)));
        }
        return result;
    }

    private PopulationState initialState(NeuronPopulation p, int index, Draws draws) {
        PopulationState state = new PopulationState(p.name(), p.size(), p.kernel().variables(), spec.dt());
        for (Map.Entry<String, Value> entry : p.initial().entrySet()) {
            int variable = state.indexOf(entry.getKey());
            float[] values = state.variable(variable);
            long stream = Streams.of(Streams.INITIAL, index, variable);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) draws.sample(entry.getValue(), spec.seed(), stream, i);
            }
        }
        return state;
    }

    /**
     * The projections, in declaration order. Projections onto the same (population, variable) share one delay buffer
     * sized for the longest of their delays; the matrices are cut into per-thread slices and then dropped.
     */
    List<RuntimeProjection> projections(List<RuntimePopulation> populations) {
        SynapseBuilder builder = new SynapseBuilder(spec.seed(), spec.dt());
        List<SynapseMatrix> matrices = new ArrayList<>();
        Map<String, Integer> maxDelay = new LinkedHashMap<>();
        for (int j = 0; j < spec.projections().size(); j++) {
            Projection p = spec.projections().get(j);
            SynapseMatrix matrix = builder.build(p, j, spec.population(p.pre()).size(),
                    spec.population(p.post()).size(), p.pre().equals(p.post()));
            matrices.add(matrix);
            maxDelay.merge(bufferKey(p), matrix.maxDelay(), Math::max);
        }
        Map<String, DelayBuffer> buffers = new LinkedHashMap<>();
        for (Projection p : spec.projections()) {
            buffers.computeIfAbsent(bufferKey(p), key -> {
                RuntimePopulation post = populations.get(spec.indexOf(p.post()));
                DelayBuffer buffer = new DelayBuffer(post.state.variable(p.target()), maxDelay.get(key), threads);
                post.bufferList.add(buffer);
                return buffer;
            });
        }
        List<RuntimeProjection> result = new ArrayList<>();
        for (int j = 0; j < spec.projections().size(); j++) {
            Projection p = spec.projections().get(j);
            SynapseMatrix matrix = matrices.set(j, null);
            RuntimePopulation post = populations.get(spec.indexOf(p.post()));
            Partition postPartition = post.partition;
            SynapseSlice[] slices = new SynapseSlice[threads];
            for (int k = 0; k < threads; k++) {
                slices[k] = SynapseSlice.of(matrix, postPartition.from(k), postPartition.to(k));
            }
            result.add(new RuntimeProjection(p, populations.get(spec.indexOf(p.pre())), post,
                    buffers.get(bufferKey(p)), slices, plasticity(p, slices, post.size), matrix.size()));
        }
        return result;
    }

    /** One state per slice, each on the slice's own arrays; null for a projection with fixed weights. */
    private Plasticity[] plasticity(Projection p, SynapseSlice[] slices, int postSize) {
        if (!p.plastic()) {
            return null;
        }
        Plasticity[] states = new Plasticity[slices.length];
        for (int k = 0; k < slices.length; k++) {
            states[k] = Objects.requireNonNull(p.plasticity().attach(slices[k].synapses(postSize), spec.dt() * 1e-3),
                    "the plasticity of projection " + p.name() + " attached no state");
        }
        return states;
    }

    private static String bufferKey(Projection p) {
        return p.post() + "\u0000" + p.target();
    }
}

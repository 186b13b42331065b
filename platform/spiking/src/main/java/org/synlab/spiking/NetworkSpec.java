package org.synlab.spiking;

import org.synlab.api.spiking.NeuronKernel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synlab.spiking.internal.SynapseBuilder;

/**
 * A complete, validated description of a spiking network: time step, seed, populations, projections, current
 * inputs and noise inputs. It holds no state; {@link Simulation#create} builds a runnable network from it. Declaration order matters
 * only for the random streams: population {@code k} and projection {@code k} draw from streams numbered by their
 * position, so the same spec and seed always give the same network.
 *
 * @param dt the time step in milliseconds
 * @param seed the seed of every random stream
 * @param populations populations and spike sources, in declaration order
 * @param projections projections, in declaration order (also the order in which each step delivers them)
 * @param inputs current inputs
 * @param noise noise inputs, in declaration order (each draws from its own stream)
 */
public record NetworkSpec(double dt, long seed, List<Population> populations, List<Projection> projections,
        List<CurrentInput> inputs, List<NoiseCurrent> noise) {

    public NetworkSpec {
        populations = List.copyOf(populations);
        projections = List.copyOf(projections);
        inputs = List.copyOf(inputs);
        noise = List.copyOf(noise);
        validate(dt, populations, projections, inputs, noise);
    }

    /** A builder for a network stepped with {@code dt} milliseconds and drawn from {@code seed}. */
    public static Builder builder(double dt, long seed) {
        return new Builder(dt, seed);
    }

    /** The population of that name. */
    public Population population(String name) {
        return populations.get(indexOf(name));
    }

    /** The position of the population of that name. */
    public int indexOf(String name) {
        for (int i = 0; i < populations.size(); i++) {
            if (populations.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no population named '" + name + "'");
    }

    /** The delay of a synapse in steps: {@code max(1, round(delayMs / dt))}. */
    public int delaySteps(double delayMs) {
        return SynapseBuilder.delaySteps(delayMs, dt);
    }

    private static void validate(double dt, List<Population> populations, List<Projection> projections,
            List<CurrentInput> inputs, List<NoiseCurrent> noise) {
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be a positive number of milliseconds, got " + dt);
        }
        Map<String, Population> byName = new LinkedHashMap<>();
        for (Population p : populations) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException("two populations are named '" + p.name() + "'");
            }
        }
        Set<String> targets = new HashSet<>();
        Set<String> projectionNames = new HashSet<>();
        for (Projection p : projections) {
            if (!projectionNames.add(p.name())) {
                throw new IllegalArgumentException("two projections are named '" + p.name() + "'");
            }
            Population pre = byName.get(p.pre());
            Population post = byName.get(p.post());
            if (pre == null || post == null) {
                throw new IllegalArgumentException("projection " + p.name() + ": unknown population '"
                        + (pre == null ? p.pre() : p.post()) + "'");
            }
            if (!(post instanceof NeuronPopulation np)) {
                throw new IllegalArgumentException("projection " + p.name() + ": target population '" + p.post()
                        + "' is a spike source and cannot receive synapses");
            }
            if (!np.kernel().variables().contains(p.target())) {
                throw new IllegalArgumentException("projection " + p.name() + ": population '" + p.post()
                        + "' has no variable '" + p.target() + "'; it has " + np.kernel().variables());
            }
            checkConnector(p, pre.size(), post.size());
            if (p.delayMs().lowerBound() < 0) {
                throw new IllegalArgumentException("projection " + p.name() + ": delays can be negative: "
                        + p.delayMs());
            }
            targets.add(p.post() + "." + p.target());
        }
        Set<String> owned = new HashSet<>();
        for (CurrentInput in : inputs) {
            NeuronPopulation np = checkOwnedVariable("current input", in.population(), in.variable(), byName,
                    targets, owned);
            if (in.scale() != null && in.scale().length != np.size()) {
                throw new IllegalArgumentException("current input " + in.population() + "." + in.variable()
                        + ": " + in.scale().length + " per-neuron scales for " + np.size() + " neurons");
            }
        }
        for (NoiseCurrent in : noise) {
            checkOwnedVariable("noise input", in.population(), in.variable(), byName, targets, owned);
        }
    }

    /** An input's variable exists, receives no synapses and has no other input: the input owns it. */
    private static NeuronPopulation checkOwnedVariable(String kind, String population, String variable,
            Map<String, Population> byName, Set<String> targets, Set<String> owned) {
        String where = kind + " " + population + "." + variable;
        if (!(byName.get(population) instanceof NeuronPopulation np)) {
            throw new IllegalArgumentException(where + ": no neuron population named '" + population + "'");
        }
        if (!np.kernel().variables().contains(variable)) {
            throw new IllegalArgumentException(where + ": population '" + population + "' has no variable '"
                    + variable + "'; it has " + np.kernel().variables());
        }
        if (targets.contains(population + "." + variable)) {
            throw new IllegalArgumentException(where + ": a projection targets that variable too; an input owns"
                    + " its variable");
        }
        if (!owned.add(population + "." + variable)) {
            throw new IllegalArgumentException(where + ": another input sets that variable already; an input owns"
                    + " its variable");
        }
        return np;
    }

    private static void checkConnector(Projection p, int preSize, int postSize) {
        boolean recurrent = p.pre().equals(p.post());
        switch (p.connector()) {
            case Connector.OneToOne ignored -> {
                if (preSize != postSize) {
                    throw new IllegalArgumentException("projection " + p.name() + ": one-to-one needs equal sizes, got "
                            + preSize + " and " + postSize);
                }
            }
            case Connector.AllButSelf ignored -> {
                if (preSize != postSize) {
                    throw new IllegalArgumentException("projection " + p.name() + ": all-but-self needs equal sizes,"
                            + " got " + preSize + " and " + postSize);
                }
            }
            case Connector.FixedInDegree f -> {
                int candidates = recurrent && !f.allowSelf() ? preSize - 1 : preSize;
                if (f.k() > candidates) {
                    throw new IllegalArgumentException("projection " + p.name() + ": in-degree " + f.k()
                            + " exceeds the " + candidates + " possible distinct partners");
                }
            }
            case Connector.AllToAll ignored -> {
            }
            case Connector.FixedProbability ignored -> {
            }
        }
    }

    /** Collects the parts of a network; {@link #build()} validates them. */
    public static final class Builder {
        private final double dt;
        private final long seed;
        private final List<Population> populations = new ArrayList<>();
        private final List<Projection> projections = new ArrayList<>();
        private final List<CurrentInput> inputs = new ArrayList<>();
        private final List<NoiseCurrent> noise = new ArrayList<>();

        private Builder(double dt, long seed) {
            this.dt = dt;
            this.seed = seed;
        }

        /** Adds a population or spike source. */
        public Builder population(Population population) {
            populations.add(population);
            return this;
        }

        /** Adds a population of model neurons. */
        public Builder population(String name, int size, NeuronKernel kernel, Map<String, Value> initial) {
            return population(new NeuronPopulation(name, size, kernel, initial));
        }

        /** Adds {@code size} Poisson neurons at {@code rateHz}. */
        public Builder poisson(String name, int size, double rateHz) {
            return population(PoissonSource.uniform(name, size, rateHz));
        }

        /** Adds neurons firing at the given times (ms), one array per neuron. */
        public Builder spikeTimes(String name, double[][] timesMs) {
            return population(new SpikeTimeSource(name, timesMs));
        }

        /** Adds a projection. */
        public Builder projection(Projection projection) {
            projections.add(projection);
            return this;
        }

        /** Adds a projection named {@code pre->post:target}. */
        public Builder projection(String pre, String post, Connector connector, String target, Sign sign,
                Value weight, Value delayMs) {
            return projection(Projection.of(pre, post, connector, target, sign, weight, delayMs));
        }

        /** Adds a projection named {@code pre->post:target} whose weights change by {@code plasticity}. */
        public Builder projection(String pre, String post, Connector connector, String target, Sign sign,
                Value weight, Value delayMs, PlasticityFactory plasticity) {
            return projection(Projection.of(pre, post, connector, target, sign, weight, delayMs)
                    .withPlasticity(plasticity));
        }

        /** Adds a current input. */
        public Builder input(CurrentInput input) {
            inputs.add(input);
            return this;
        }

        /** Adds a noise input. */
        public Builder noise(NoiseCurrent input) {
            noise.add(input);
            return this;
        }

        /** The validated network. */
        public NetworkSpec build() {
            return new NetworkSpec(dt, seed, populations, projections, inputs, noise);
        }
    }
}

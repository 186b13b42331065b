package org.synlab.engine.internal.spiking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.synlab.api.eqs.Dimension;
import org.synlab.api.eqs.Variable;
import org.synlab.engine.BadInputException;
import org.synlab.engine.internal.Node;
import org.synlab.spiking.CurrentInput;
import org.synlab.spiking.NoiseCurrent;
import org.synlab.spiking.PoissonSource;
import org.synlab.spiking.Population;
import org.synlab.spiking.SpikeTimeSource;

/**
 * Reads {@code network.sources}, a mapping of names to one of:
 * <pre>
 * {poisson: 20 Hz, size: 100}                  # Poisson trains, one rate for all
 * {poisson: [5 Hz, 10 Hz, 20 Hz]}              # one rate per neuron
 * {spike_times: [[10 ms, 20 ms], [15 ms]]}     # one list of times per neuron
 * {current: 0.5 nA, population: exc}           # a constant input into variable I (or variable: ...)
 * {current: {steps: [[100 ms, 0.5 nA], [600 ms, 0 nA]]}, population: exc}      # stepped, 0 before the first
 * {current: {per_neuron: [0 nA, 0.1 nA]}, population: exc}                      # one amplitude per neuron
 * {current: {per_neuron: {linspace: [0 nA, 1 nA]}}, population: exc}            # evenly spaced over the neurons
 * {noise: {mean: 0 mV/ms, sd: 5 mV/ms, every: 1 ms}, population: exc}          # redrawn per neuron every 1 ms
 * </pre>
 * Poisson and spike-time sources are populations that projections may start from; currents and noise
 * set a variable of a neuron population (they own it: no projection may target it).
 */
final class SourceReader {

    private static final List<String> KINDS = List.of("poisson", "spike_times", "current", "noise");
    private static final List<String> KEYS = List.of("poisson", "size", "spike_times", "current", "noise",
            "population", "variable");

    final List<Population> sources = new ArrayList<>();
    final List<CurrentInput> inputs = new ArrayList<>();
    final List<NoiseCurrent> noise = new ArrayList<>();
    private final Map<String, PopulationPlan> populations;

    SourceReader(Map<String, PopulationPlan> populations) {
        this.populations = populations;
    }

    void read(String name, Node node) throws BadInputException {
        Map<String, Object> map = node.mapWithKeys(KEYS);
        List<String> kinds = KINDS.stream().filter(map::containsKey).toList();
        if (kinds.size() != 1) {
            throw node.error("expected exactly one of " + String.join(", ", KINDS) + ", got "
                    + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
        }
        if (populations.containsKey(name)) {
            throw node.error("a population is named '" + name + "' already");
        }
        switch (kinds.get(0)) {
            case "poisson" -> {
                forbid(node, "population", "variable");
                sources.add(poisson(name, node));
            }
            case "spike_times" -> {
                forbid(node, "population", "variable", "size");
                sources.add(spikeTimes(name, node.get("spike_times")));
            }
            case "current" -> {
                forbid(node, "size");
                current(node);
            }
            default -> {
                forbid(node, "size");
                noise(node);
            }
        }
    }

    private static void forbid(Node node, String... keys) throws BadInputException {
        for (String key : keys) {
            if (!node.get(key).isMissing()) {
                throw node.get(key).error("does not apply to this kind of source");
            }
        }
    }

    private static PoissonSource poisson(String name, Node node) throws BadInputException {
        Node rate = node.get("poisson");
        Node size = node.get("size");
        if (rate.raw() instanceof List<?>) {
            List<Node> items = rate.asList();
            if (!size.isMissing() && size.integer(null, 1, Integer.MAX_VALUE) != items.size()) {
                throw size.error("the source has " + items.size() + " per-neuron rates; leave size out or make it "
                        + items.size());
            }
            double[] rates = new double[items.size()];
            for (int i = 0; i < rates.length; i++) {
                rates[i] = nonNegative(items.get(i), Quantities.si(items.get(i), Dimension.FREQUENCY));
            }
            if (rates.length == 0) {
                throw rate.error("expected at least one rate");
            }
            return new PoissonSource(name, rates);
        }
        int n = (int) size.integer(null, 1, Integer.MAX_VALUE - 8);
        return PoissonSource.uniform(name, n, nonNegative(rate, Quantities.si(rate, Dimension.FREQUENCY)));
    }

    private static SpikeTimeSource spikeTimes(String name, Node node) throws BadInputException {
        List<Node> neurons = node.asList();
        if (neurons.isEmpty()) {
            throw node.error("expected one list of spike times per neuron, e.g. [[10 ms, 20 ms], [15 ms]]");
        }
        double[][] times = new double[neurons.size()][];
        for (int i = 0; i < times.length; i++) {
            List<Node> items = neurons.get(i).asList();
            times[i] = new double[items.size()];
            for (int k = 0; k < items.size(); k++) {
                times[i][k] = nonNegative(items.get(k), Quantities.ms(items.get(k)));
            }
        }
        return new SpikeTimeSource(name, times);
    }

    private static double nonNegative(Node node, double value) throws BadInputException {
        if (value < 0) {
            throw node.error("expected a value >= 0, got " + node.raw());
        }
        return value;
    }

    /** The target population and variable, and the variable's unit. */
    private record Target(String population, String variable, Dimension dimension, int size) {
    }

    private Target target(Node node) throws BadInputException {
        Node pop = node.get("population");
        String population = pop.string(null);
        PopulationPlan plan = populations.get(population);
        if (plan == null) {
            throw pop.error("unknown population '" + population + "'; known: " + String.join(", ",
                    populations.keySet()));
        }
        Node var = node.get("variable");
        String variable = var.string("I");
        Variable v = plan.program().variables().stream().filter(x -> x.name().equals(variable)).findFirst()
                .orElse(null);
        if (v == null || v.kind() != Variable.Kind.PARAMETER) {
            throw (var.isMissing() ? node : var).error("model " + plan.model() + " of population " + population
                    + " has no input variable '" + variable + "'; inputs set a variable declared without an"
                    + " equation: " + String.join(", ", plan.program().variables().stream()
                    .filter(x -> x.kind() == Variable.Kind.PARAMETER).map(Variable::name).toList()));
        }
        return new Target(population, variable, v.dimension(), plan.size());
    }

    private void current(Node node) throws BadInputException {
        Target target = target(node);
        Node current = node.get("current");
        if (!current.isMap()) {
            inputs.add(CurrentInput.constant(target.population, target.variable, Quantities.si(current, target.dimension)));
            return;
        }
        Map<String, Object> map = current.mapWithKeys(List.of("steps", "per_neuron"));
        if (map.size() != 1) {
            throw current.error("expected a quantity, {steps: [[time, amplitude], ...]} or {per_neuron: [...]}");
        }
        if (map.containsKey("steps")) {
            List<Node> steps = current.get("steps").asList();
            double[] times = new double[steps.size()];
            double[] amplitudes = new double[steps.size()];
            for (int k = 0; k < steps.size(); k++) {
                List<Node> pair = steps.get(k).asList();
                if (pair.size() != 2) {
                    throw steps.get(k).error("expected [time, amplitude], e.g. [100 ms, 0.5 nA]");
                }
                times[k] = Quantities.ms(pair.get(0));
                amplitudes[k] = Quantities.si(pair.get(1), target.dimension);
                if (times[k] < 0 || (k > 0 && times[k] <= times[k - 1])) {
                    throw pair.get(0).error("step times must be >= 0 and increasing");
                }
            }
            if (steps.isEmpty()) {
                throw current.get("steps").error("expected at least one [time, amplitude]");
            }
            inputs.add(CurrentInput.stepped(target.population, target.variable, times, amplitudes));
            return;
        }
        inputs.add(CurrentInput.perNeuron(target.population, target.variable,
                perNeuron(current.get("per_neuron"), target)));
    }

    private static double[] perNeuron(Node node, Target target) throws BadInputException {
        double[] values = new double[target.size];
        if (node.isMap()) {
            node.mapWithKeys(List.of("linspace"));
            List<Node> ends = node.get("linspace").asList();
            if (ends.size() != 2) {
                throw node.get("linspace").error("expected [first, last], e.g. [0 nA, 1 nA]");
            }
            double first = Quantities.si(ends.get(0), target.dimension);
            double last = Quantities.si(ends.get(1), target.dimension);
            for (int i = 0; i < values.length; i++) {
                values[i] = values.length == 1 ? first : first + (last - first) * i / (values.length - 1);
            }
            return values;
        }
        List<Node> items = node.asList();
        if (items.size() != target.size) {
            throw node.error("expected one amplitude per neuron of population " + target.population + " ("
                    + target.size + "), got " + items.size());
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = Quantities.si(items.get(i), target.dimension);
        }
        return values;
    }

    private void noise(Node node) throws BadInputException {
        Target target = target(node);
        Node spec = node.get("noise");
        spec.mapWithKeys(List.of("mean", "sd", "every"));
        double mean = spec.get("mean").isMissing() ? 0 : Quantities.si(spec.get("mean"), target.dimension);
        double sd = nonNegative(spec.get("sd"), Quantities.si(spec.get("sd"), target.dimension));
        double every = spec.get("every").isMissing() ? 0 : nonNegative(spec.get("every"), Quantities.ms(spec.get("every")));
        noise.add(new NoiseCurrent(target.population, target.variable, mean, sd, every));
    }
}

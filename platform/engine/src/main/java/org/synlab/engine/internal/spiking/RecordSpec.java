package org.synlab.engine.internal.spiking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.synlab.api.eqs.Variable;
import org.synlab.engine.BadInputException;
import org.synlab.engine.internal.Node;

/**
 * What a spiking run records beyond its summary metrics (rate and CV of ISI of every population are
 * always measured):
 * <pre>
 * record:
 *   spikes: [exc]        # or all: per-neuron rates into the history (neuron_rate_hz.exc), and for
 *                        # populations of at most 32 neurons their first spike times (spike_times_ms.exc.3)
 *   state:               # sampled traces into the history (state.exc.v.0), SI units
 *     - {population: exc, variables: [v], neurons: [0, 1], every: 10}   # every: steps, or a time such as 1 ms
 *   rates:               # population rate per bin into the history (population_rate_hz.exc)
 *     {populations: all, bin: 1 ms}
 * </pre>
 *
 * @param spikes     populations whose per-neuron results go into the history
 * @param state      traces to sample
 * @param rates      populations whose binned rate goes into the history
 * @param rateBinMs  the width of a rate bin in milliseconds
 */
record RecordSpec(List<String> spikes, List<Probe> state, List<String> rates, double rateBinMs) {

    /** Variables of chosen neurons of one population, sampled every {@code every} steps. */
    record Probe(String population, List<String> variables, int[] neurons, int every) {
    }

    static RecordSpec parse(Node node, Map<String, PopulationPlan> populations, double dtMs) throws BadInputException {
        node.mapWithKeys(List.of("spikes", "state", "rates"));
        List<String> spikes = names(node.get("spikes"), populations);
        List<Probe> probes = new ArrayList<>();
        Node state = node.get("state");
        if (!state.isMissing()) {
            for (Node item : state.asList()) {
                probes.add(probe(item, populations, dtMs));
            }
        }
        Node rates = node.get("rates");
        rates.mapWithKeys(List.of("populations", "bin"));
        List<String> ratePopulations = rates.isMissing() ? List.of()
                : rates.get("populations").isMissing() ? List.copyOf(populations.keySet())
                : names(rates.get("populations"), populations);
        double bin = rates.get("bin").isMissing() ? 1.0 : Quantities.ms(rates.get("bin"));
        if (bin < dtMs) {
            throw rates.get("bin").error("a rate bin must be at least one time step (" + dtMs + " ms), got "
                    + rates.get("bin").raw());
        }
        return new RecordSpec(spikes, probes, ratePopulations, bin);
    }

    private static List<String> names(Node node, Map<String, PopulationPlan> populations) throws BadInputException {
        if (node.isMissing()) {
            return List.of();
        }
        if (node.isString() && node.string(null).equals("all")) {
            return List.copyOf(populations.keySet());
        }
        List<String> out = new ArrayList<>();
        for (Node item : node.asList()) {
            out.add(population(item, populations).name());
        }
        return out;
    }

    private static PopulationPlan population(Node node, Map<String, PopulationPlan> populations)
            throws BadInputException {
        String name = node.string(null);
        PopulationPlan plan = populations.get(name);
        if (plan == null) {
            throw node.error("unknown population '" + name + "'; known: " + String.join(", ", populations.keySet()));
        }
        return plan;
    }

    private static Probe probe(Node node, Map<String, PopulationPlan> populations, double dtMs)
            throws BadInputException {
        node.mapWithKeys(List.of("population", "variables", "neurons", "every"));
        PopulationPlan plan = population(node.get("population"), populations);
        Node variablesNode = node.get("variables");
        List<Node> items = variablesNode.isString() ? List.of(variablesNode) : variablesNode.asList();
        List<String> variables = new ArrayList<>();
        for (Node item : items) {
            String v = item.string(null);
            boolean known = plan.program().variables().stream()
                    .anyMatch(x -> x.name().equals(v) && x.kind() != Variable.Kind.INTERNAL);
            if (!known) {
                throw item.error("model " + plan.model() + " has no variable '" + v + "'");
            }
            variables.add(v);
        }
        Node neuronsNode = node.get("neurons");
        List<Node> neuronItems = neuronsNode.isMissing() ? List.of() : neuronsNode.asList();
        int[] neurons = neuronItems.isEmpty() ? new int[] {0} : new int[neuronItems.size()];
        for (int i = 0; i < neuronItems.size(); i++) {
            neurons[i] = (int) neuronItems.get(i).integer(null, 0, plan.size() - 1);
        }
        Node everyNode = node.get("every");
        int every;
        if (everyNode.raw() instanceof String) {
            every = (int) Math.max(1, Math.round(Quantities.ms(everyNode) / dtMs));
        } else {
            every = (int) everyNode.integer(1L, 1, Integer.MAX_VALUE);
        }
        return new Probe(plan.name(), List.copyOf(variables), neurons, every);
    }
}

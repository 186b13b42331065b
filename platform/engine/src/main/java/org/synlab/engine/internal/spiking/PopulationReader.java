package org.synlab.engine.internal.spiking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synlab.api.ParameterException;
import org.synlab.api.eqs.EquationException;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.api.eqs.SpikingModel;
import org.synlab.api.eqs.Variable;
import org.synlab.api.random.Philox;
import org.synlab.engine.BadInputException;
import org.synlab.engine.PartRef;
import org.synlab.engine.internal.Node;
import org.synlab.spiking.Value;

/**
 * Reads one entry of {@code network.populations}: {@code size}, {@code neuron} (a model name),
 * {@code params} (quantities; a per-neuron parameter may also be a distribution, a list with one
 * value per neuron, or an expression of {@code r}) and {@code initial} (start values of state variables, same forms). Every variable not
 * given starts at the model's initial value for the shared parameters.
 */
final class PopulationReader {

    static final List<String> KEYS = List.of("size", "neuron", "params", "initial");
    /** The Philox stream of the per-neuron draws {@code r}: a purpose byte the runtime's streams do not use. */
    private static final long R_STREAM = 0x5EL << 56;

    private final ModelCatalog models;
    private final long seed;

    PopulationReader(ModelCatalog models, long seed) {
        this.models = models;
        this.seed = seed;
    }

    PopulationPlan read(String name, Node node, int index, Set<PartRef> parts) throws BadInputException {
        node.mapWithKeys(KEYS);
        int size = (int) node.get("size").integer(null, 1, Integer.MAX_VALUE - 8);
        SpikingModel model = models.model(node.get("neuron"), parts);
        Node params = node.get("params");
        Map<String, Object> shared = new LinkedHashMap<>();
        Map<String, Node> varying = new LinkedHashMap<>();
        for (String key : params.asMap().keySet()) {
            Node value = params.get(key);
            if (value.isMap() || value.raw() instanceof List<?>) {
                varying.put(key, value);
            } else {
                shared.put(key, value.raw());
            }
        }
        NeuronProgram program;
        try {
            program = model.program(shared);
        } catch (ParameterException e) {
            throw new BadInputException(node.file(), params.path() + "." + e.key(), e.getMessage(), e);
        } catch (EquationException e) {
            throw params.error("model " + model.name() + " cannot be integrated with these parameters: "
                    + e.getMessage());
        }
        List<String> perNeuron = program.variables().stream().filter(x -> x.kind() == Variable.Kind.PARAMETER)
                .map(Variable::name).toList();
        Map<String, Values.PerNeuron> start = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : varying.entrySet()) {
            String key = e.getKey();
            if (!perNeuron.contains(key)) {
                boolean populationWide = model.parameters().stream().anyMatch(p -> p.name().equals(key));
                throw e.getValue().error((populationWide ? "'" + key + "' is one value for the whole population"
                        : "unknown parameter '" + key + "'") + "; only the per-neuron parameters of model "
                        + model.name() + " (" + String.join(", ", perNeuron) + ") can vary from neuron to neuron");
            }
            start.put(key, Values.perNeuron(e.getValue(), program.variable(key).dimension()));
        }
        Node initial = node.get("initial");
        for (String variable : initial.asMap().keySet()) {
            Node value = initial.get(variable);
            Variable v = program.variables().stream().filter(x -> x.name().equals(variable)).findFirst().orElse(null);
            if (v == null || v.kind() == Variable.Kind.INTERNAL) {
                throw value.error("model " + model.name() + " has no variable '" + variable + "'; it has "
                        + String.join(", ", program.variables().stream().filter(x -> x.kind() != Variable.Kind.INTERNAL)
                                .map(Variable::name).toList()));
            }
            if (start.containsKey(variable)) {
                throw value.error("'" + variable + "' is already set per neuron under params");
            }
            start.put(variable, Values.perNeuron(value, v.dimension()));
        }
        Map<String, Value> drawn = new LinkedHashMap<>();
        Map<String, float[]> explicit = new LinkedHashMap<>();
        double[] r = null;
        for (Variable v : program.variables()) {
            Values.PerNeuron given = start.get(v.name());
            if (given instanceof Values.Drawn d) {
                drawn.put(v.name(), d.value());
            } else if (given instanceof Values.Listed listed) {
                if (listed.values().length != size) {
                    throw listed.node().error("expected one value per neuron (" + size + "), got "
                            + listed.values().length);
                }
                float[] values = new float[size];
                for (int i = 0; i < size; i++) {
                    values[i] = (float) listed.values()[i];
                }
                explicit.put(v.name(), values);
            } else if (given instanceof Values.OfR expr) {
                r = r == null ? draws(index, size) : r;
                float[] values = new float[size];
                for (int i = 0; i < size; i++) {
                    values[i] = (float) expr.at(r[i]);
                }
                explicit.put(v.name(), values);
            } else if (v.initial() != 0) {
                drawn.put(v.name(), Value.constant(v.initial()));
            }
        }
        return new PopulationPlan(name, size, model.name(), program, drawn, explicit);
    }

    /** One uniform draw on [0, 1) per neuron, keyed by (seed, population, neuron) as every draw of a run. */
    private double[] draws(int population, int size) {
        double[] r = new double[size];
        int[] block = new int[4];
        for (int i = 0; i < size; i++) {
            Philox.block(i, R_STREAM | population, seed, block);
            long bits = ((block[0] & 0xFFFFFFFFL) << 21) ^ ((block[1] & 0xFFFFFFFFL) >>> 11);
            r[i] = (bits & ((1L << 53) - 1)) * 0x1.0p-53;
        }
        return r;
    }
}

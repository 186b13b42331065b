package org.synlab.engine.internal.spiking;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.synlab.api.NeuronModel;
import org.synlab.api.ParameterException;
import org.synlab.api.SpikingNeuron;
import org.synlab.api.eqs.EquationException;
import org.synlab.api.eqs.SpikingModel;
import org.synlab.api.eqs.SpikingModelReader;
import org.synlab.engine.BadInputException;
import org.synlab.engine.PartKind;
import org.synlab.engine.PartRef;
import org.synlab.engine.internal.Node;

/**
 * The spiking neuron models a file may name: those it declares under {@code models:} (read with
 * {@link SpikingModelReader}; an equation error keeps its line and column within the text) and the
 * installed {@link SpikingNeuron} plugins. A declared model may not reuse a plugin's name, so that a
 * name in a population always means one thing.
 */
final class ModelCatalog {

    private final Map<String, SpikingModel> declared;
    private final Map<String, NeuronModel> plugins;

    private ModelCatalog(Map<String, SpikingModel> declared, Map<String, NeuronModel> plugins) {
        this.declared = declared;
        this.plugins = plugins;
    }

    static ModelCatalog read(Node models, Map<String, NeuronModel> plugins) throws BadInputException {
        Map<String, SpikingModel> declared = new LinkedHashMap<>();
        for (String name : models.asMap().keySet()) {
            Node node = models.get(name);
            if (plugins.containsKey(name)) {
                throw node.error("'" + name + "' is the name of an installed neuron model; give the declared model"
                        + " another name");
            }
            try {
                declared.put(name, SpikingModelReader.read(name, node.asMap()));
            } catch (EquationException e) {
                throw new BadInputException(node.file(), node.path() + partKey(e.where()), e.getMessage(), e);
            } catch (ParameterException e) {
                throw new BadInputException(node.file(), node.path() + "." + e.key(), e.getMessage(), e);
            }
        }
        return new ModelCatalog(declared, plugins);
    }

    /** The key under the model's declaration that an equation error belongs to. */
    private static String partKey(String where) {
        if (where.isEmpty()) {
            return ".equations";
        }
        if (Set.of("equations", "threshold", "reset", "refractory", "method").contains(where)) {
            return "." + where;
        }
        if (where.startsWith("parameter ")) {
            return ".parameters." + where.substring("parameter ".length());
        }
        if (where.startsWith("initial value of ")) {
            return ".initial." + where.substring("initial value of ".length());
        }
        return "";
    }

    /** The model a population's {@code neuron} key names; a plugin model is added to the run's parts. */
    SpikingModel model(Node neuron, Set<PartRef> parts) throws BadInputException {
        String name = neuron.string(null);
        SpikingModel model = declared.get(name);
        if (model != null) {
            return model;
        }
        NeuronModel plugin = plugins.get(name);
        if (plugin == null) {
            Set<String> known = new TreeSet<>(declared.keySet());
            plugins.forEach((n, p) -> {
                if (p instanceof SpikingNeuron) {
                    known.add(n);
                }
            });
            throw neuron.error("unknown spiking neuron model '" + name + "'; known: " + String.join(", ", known)
                    + " (or declare it under models:)");
        }
        if (!(plugin instanceof SpikingNeuron spiking)) {
            throw neuron.error("'" + name + "' is a rate neuron; a population needs a spiking neuron model");
        }
        parts.add(new PartRef(PartKind.NEURON, name));
        return spiking.model();
    }
}

package org.synlab.engine.internal.spiking;

import java.util.Map;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.spiking.Value;

/**
 * A population as it will be built: its model bound to its shared parameters, and the start value of
 * every variable that does not start at zero, either drawn by the runtime ({@code drawn}) or already
 * computed per neuron ({@code explicit}, from expressions of the per-neuron draw {@code r}).
 *
 * @param name     the population's name
 * @param size     how many neurons
 * @param model    the model's name, for notes
 * @param program  the model with its shared parameters bound, SI units
 * @param drawn    start values by variable, constants or distributions in SI
 * @param explicit start values by variable, one per neuron in SI
 */
record PopulationPlan(String name, int size, String model, NeuronProgram program, Map<String, Value> drawn,
                      Map<String, float[]> explicit) {

    PopulationPlan {
        drawn = Map.copyOf(drawn);
        explicit = Map.copyOf(explicit);
    }
}

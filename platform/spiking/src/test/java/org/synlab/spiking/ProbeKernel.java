package org.synlab.spiking;

import org.synlab.api.spiking.NeuronKernel;
import org.synlab.api.spiking.PopulationState;
import java.util.List;

/**
 * A neuron that never fires and never changes its variables: whatever the runtime adds to {@code x} or {@code y}
 * stays there, so a state recorder shows exactly when and what each synapse delivered.
 */
final class ProbeKernel implements NeuronKernel {

    @Override
    public List<String> variables() {
        return List.of("x", "y", "I");
    }

    @Override
    public int update(PopulationState state, long step, int from, int to, int[] spiked) {
        return 0;
    }
}

package org.synlab.spiking;

import java.util.Arrays;
import java.util.List;
import org.synlab.api.spiking.NeuronKernel;
import org.synlab.api.spiking.PopulationState;

/**
 * A population that fires on a script: neuron {@code n} fires exactly at the steps in {@code fireAt[n]} (sorted),
 * whatever it receives. Like {@link ProbeKernel}, its {@code x} only accumulates what synapses deliver, so a test can
 * drive postsynaptic spikes at chosen steps and still read what arrived.
 */
final class ScriptKernel implements NeuronKernel {

    private final long[][] fireAt;

    ScriptKernel(long[][] fireAt) {
        this.fireAt = fireAt;
    }

    @Override
    public List<String> variables() {
        return List.of("x", "I");
    }

    @Override
    public int update(PopulationState state, long step, int from, int to, int[] spiked) {
        int count = 0;
        for (int n = from; n < to; n++) {
            if (n < fireAt.length && Arrays.binarySearch(fireAt[n], step) >= 0) {
                spiked[count++] = n;
            }
        }
        return count;
    }
}

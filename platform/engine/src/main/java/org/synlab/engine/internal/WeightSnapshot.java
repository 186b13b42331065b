package org.synlab.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.synlab.api.Compute;
import org.synlab.api.Tensor;

/**
 * A copy of a network's weights and biases kept on the backend (so capturing the best epoch for
 * early stopping costs a device copy, not a download), that can be put back into the network.
 */
final class WeightSnapshot {

    private final Compute compute;
    private final Network network;
    private final List<Tensor> kept = new ArrayList<>();
    private int epoch;

    WeightSnapshot(Compute compute, Network network) {
        this.compute = compute;
        this.network = network;
        for (DenseLayer layer : network.layers) {
            kept.add(compute.zeros(layer.inputs, layer.units));
            kept.add(compute.zeros(layer.units));
        }
    }

    void capture(int fromEpoch) {
        for (int l = 0; l < network.layers.size(); l++) {
            DenseLayer layer = network.layers.get(l);
            compute.copy(layer.weight, kept.get(2 * l));
            compute.copy(layer.bias, kept.get(2 * l + 1));
        }
        epoch = fromEpoch;
    }

    void restore() {
        for (int l = 0; l < network.layers.size(); l++) {
            DenseLayer layer = network.layers.get(l);
            compute.copy(kept.get(2 * l), layer.weight);
            compute.copy(kept.get(2 * l + 1), layer.bias);
        }
    }

    /** The epoch captured, 0 before the first capture. */
    int epoch() {
        return epoch;
    }
}

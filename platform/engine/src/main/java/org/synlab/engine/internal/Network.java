package org.synlab.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.synlab.api.GradientRule.Parameter;
import org.synlab.api.Tensor;

/** A stack of dense layers: forward pass, backpropagation, and the trainable parameters. */
final class Network {

    private static final long DROPOUT_PURPOSE = 2;

    final List<DenseLayer> layers;

    Network(List<DenseLayer> layers) {
        this.layers = List.copyOf(layers);
    }

    DenseLayer output() {
        return layers.get(layers.size() - 1);
    }

    /** Runs the batch {@code x} through every layer; {@code step} keys the dropout masks. */
    Tensor forward(Tensor x, boolean training, long step) {
        Tensor in = x;
        for (DenseLayer layer : layers) {
            in = layer.forward(in, training, Streams.of(DROPOUT_PURPOSE, layer.index, step));
        }
        return in;
    }

    /** The input the layer saw in the last forward pass with {@code rows} rows. */
    Tensor inputOf(int layer, Tensor x) {
        return layer == 0 ? x : layers.get(layer - 1).buffers(x.rows()).out;
    }

    /**
     * Backpropagates from the output layer, whose {@code dz} the caller has already set (directly,
     * or through {@link DenseLayer#gradientThroughActivation}).
     */
    void backward(Tensor x) {
        int rows = x.rows();
        for (int l = layers.size() - 1; l >= 0; l--) {
            DenseLayer layer = layers.get(l);
            if (l < layers.size() - 1) {
                layer.gradientThroughActivation(rows);
            }
            if (l == 0 && !layer.trainable) {
                return;
            }
            Tensor gradIn = l == 0 ? null : layers.get(l - 1).buffers(rows).gradOut;
            layer.backward(inputOf(l, x), rows, gradIn);
        }
    }

    /** Weights and biases of the trainable layers, in a fixed order. */
    List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        for (DenseLayer layer : layers) {
            if (layer.trainable) {
                out.add(new Parameter("layer" + (layer.index + 1) + ".weight", layer.weight, layer.weightGrad, true));
                out.add(new Parameter("layer" + (layer.index + 1) + ".bias", layer.bias, layer.biasGrad, false));
            }
        }
        return out;
    }

    long parameterCount() {
        return layers.stream().mapToLong(DenseLayer::parameterCount).sum();
    }
}

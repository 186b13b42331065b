package org.synlab.engine.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.engine.BadInputException;

/**
 * A network's weights as a safetensors file: {@code layer1.weight} {@code [inputs, units]},
 * {@code layer1.bias} {@code [units]}, then layer 2..., the names {@link Network#parameters()} uses.
 * Saving reads the weights back from the backend; loading is checked against the network's shapes
 * while the run is prepared, so a wrong file is bad input rather than a failed run.
 */
final class Checkpoints {

    private Checkpoints() {
    }

    static String weightName(int layerIndex) {
        return "layer" + (layerIndex + 1) + ".weight";
    }

    static String biasName(int layerIndex) {
        return "layer" + (layerIndex + 1) + ".bias";
    }

    static void save(Path file, Compute compute, Network network, Map<String, String> metadata) throws IOException {
        List<NamedTensor> tensors = new ArrayList<>();
        for (DenseLayer layer : network.layers) {
            tensors.add(new NamedTensor(weightName(layer.index), new int[] {layer.inputs, layer.units},
                    compute.download(layer.weight)));
            tensors.add(new NamedTensor(biasName(layer.index), new int[] {layer.units}, compute.download(layer.bias)));
        }
        SafetensorsWriter.write(file, tensors, metadata);
    }

    /**
     * The weights of {@code file} by tensor name, after checking that it has exactly the tensors
     * the layers need, in their shapes.
     *
     * @param node the {@code network.load} key, which errors name
     */
    static Map<String, float[]> load(Node node, Path file, List<RunPlan.LayerPlan> layers) throws BadInputException {
        SafetensorsReader.Contents contents;
        try {
            contents = SafetensorsReader.read(file);
        } catch (NoSuchFileException e) {
            throw node.error("no such file: " + file);
        } catch (IOException e) {
            throw node.error("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, int[]> expected = new LinkedHashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            RunPlan.LayerPlan layer = layers.get(l);
            expected.put(weightName(l), new int[] {layer.inputs(), layer.spec().units()});
            expected.put(biasName(l), new int[] {layer.spec().units()});
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            NamedTensor tensor = contents.tensors().get(e.getKey());
            if (tensor == null) {
                throw node.error(file + " has no tensor " + e.getKey() + " (expected shape " + Arrays.toString(e.getValue())
                        + "); it has " + String.join(", ", contents.tensors().keySet()));
            }
            if (!Arrays.equals(tensor.shape(), e.getValue())) {
                throw node.error("tensor " + e.getKey() + " in " + file + " has shape " + Arrays.toString(tensor.shape())
                        + ", but the network expects " + Arrays.toString(e.getValue()));
            }
            weights.put(e.getKey(), tensor.values());
        }
        for (String name : contents.tensors().keySet()) {
            if (!expected.containsKey(name)) {
                throw node.error(file + " has a tensor " + name + " that this network of " + layers.size()
                        + " layer(s) has no place for");
            }
        }
        return weights;
    }
}

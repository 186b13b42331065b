package org.synlab.engine.internal.spiking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synlab.engine.internal.NamedTensor;
import org.synlab.engine.internal.SafetensorsReader;
import org.synlab.engine.internal.SafetensorsWriter;
import org.synlab.spiking.Simulation;

/**
 * What an unsupervised spiking network learned, in a safetensors file, so that evaluation can be rerun without
 * training: {@code weights.<projection>} for every plastic projection (in the order of {@link
 * Simulation#connections}, which the same network spec and seed rebuild on any thread count), {@code
 * state.<layer>.<variable>} for the held variables (the adaptive thresholds), and {@code labels.<layer>} (each
 * neuron's class, -1 for none, as float32 like every tensor here). The metadata names the experiment and layer.
 */
final class LearnedState {

    private LearnedState() {
    }

    static void save(Path file, Simulation sim, List<String> plastic, String layer, List<String> held, int[] labels,
                     String experiment) throws IOException {
        List<NamedTensor> tensors = new ArrayList<>();
        for (String projection : plastic) {
            float[] w = sim.connections(projection).weight();
            tensors.add(new NamedTensor("weights." + projection, new int[] {w.length}, w));
        }
        for (String variable : held) {
            float[] v = sim.state(layer).variable(variable).clone();
            tensors.add(new NamedTensor("state." + layer + "." + variable, new int[] {v.length}, v));
        }
        float[] l = new float[labels.length];
        for (int n = 0; n < labels.length; n++) {
            l[n] = labels[n];
        }
        tensors.add(new NamedTensor("labels." + layer, new int[] {l.length}, l));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "synlab-spiking-learned-state");
        metadata.put("experiment", experiment);
        metadata.put("layer", layer);
        SafetensorsWriter.write(file, tensors, metadata);
    }

    /**
     * Puts the saved weights and held variables into {@code sim} and returns the saved labels (null if the file has
     * none for this layer).
     *
     * @throws IOException if the file cannot be read or does not fit the network: the message says what differs
     */
    static int[] load(Path file, Simulation sim, List<String> plastic, String layer, List<String> held)
            throws IOException {
        Map<String, NamedTensor> tensors = SafetensorsReader.read(file).tensors();
        for (String projection : plastic) {
            NamedTensor t = require(tensors, "weights." + projection, sim.synapseCount(projection));
            try {
                sim.setWeights(projection, t.values());
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        int size = sim.state(layer).size();
        for (String variable : held) {
            NamedTensor t = require(tensors, "state." + layer + "." + variable, size);
            System.arraycopy(t.values(), 0, sim.state(layer).variable(variable), 0, size);
        }
        NamedTensor saved = tensors.get("labels." + layer);
        if (saved == null) {
            return null;
        }
        int[] labels = new int[size];
        float[] values = require(tensors, "labels." + layer, size).values();
        for (int n = 0; n < size; n++) {
            labels[n] = (int) values[n];
        }
        return labels;
    }

    private static NamedTensor require(Map<String, NamedTensor> tensors, String name, int size) throws IOException {
        NamedTensor t = tensors.get(name);
        if (t == null) {
            throw new IOException("it has no tensor '" + name + "'; it holds " + String.join(", ", tensors.keySet()));
        }
        if (t.values().length != size) {
            throw new IOException("tensor '" + name + "' has " + t.values().length + " values; this network needs "
                    + size + " (was it saved from another network?)");
        }
        return t;
    }
}

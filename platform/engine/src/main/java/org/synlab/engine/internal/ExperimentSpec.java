package org.synlab.engine.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synlab.engine.BadInputException;
import org.synlab.engine.Experiment;
import org.synlab.engine.internal.Node.PartSpec;

/**
 * The structure of an experiment file, checked key by key. Plugin names and their parameters are
 * kept raw here; {@link PartResolver} checks them against the live plugins.
 *
 * <pre>
 * experiment: xor-mlp          # name (default: the file name)
 * seed: 42
 * backend: cpu                 # or {name: cpu, ...}
 * threads: 2                   # cores for the backend (default: all)
 * dataset: {name: logic-gates, gates: xor}
 * network:
 *   inputs: 2                  # default: the dataset's features
 *   load: weights.safetensors  # start from saved weights (relative to the experiment's folder)
 *   layers:
 *     - {units: 4, neuron: sigmoid, init: glorot-uniform, dropout: 0.0}
 *     - {units: 1, neuron: sigmoid}
 * learning: {rule: adam, loss: binary-cross-entropy, lr: 0.05}   # omit to only evaluate
 * training:
 *   epochs: 500
 *   batch_size: 4
 *   shuffle: true
 *   stop_when: {metric: train.accuracy, at_least: 1.0}
 *   validation: 0.2            # fraction of the training split held out, in [0, 0.5] (default 0)
 *   schedule: {name: step, step_size: 10, gamma: 0.1}   # or constant (default), {name: cosine, min_lr: 0}
 *   early_stopping: {metric: val.loss, patience: 3, min_delta: 0, mode: auto, restore_best: true}
 *   checkpoint: out/best.safetensors   # weights after every epoch (the best one with restore_best)
 * </pre>
 *
 * <ul>
 *   <li>{@code network.load}: a safetensors file with {@code layer1.weight} {@code [inputs, units]},
 *       {@code layer1.bias} {@code [units]}... for every layer; it replaces the initialiser and any
 *       fixed weights. Without a learning section the run evaluates the loaded network.</li>
 *   <li>{@code training.validation}: held out from the training split by a shuffle seeded with the
 *       run's seed (same seed, same split) and evaluated after every epoch as {@code val.loss} and
 *       {@code val.accuracy}; the other splits are evaluated at the end, as without it.</li>
 *   <li>{@code training.schedule}: see {@link LearningRateSchedule}; gradient rules only.</li>
 *   <li>{@code training.early_stopping}: see {@link EarlyStoppingSpec}.</li>
 *   <li>{@code training.checkpoint}: a safetensors file written atomically after every epoch, with
 *       the experiment, epoch, seed and metrics as metadata.</li>
 * </ul>
 */
public record ExperimentSpec(String name, long seed, PartSpec backend, int threads, PartSpec dataset,
                             NetworkSpec network, LearningSpec learning, TrainingSpec training) {

    static final List<String> TOP_KEYS = List.of("experiment", "description", "seed", "backend", "threads", "dataset",
            "network", "learning", "training");
    static final List<String> LAYER_KEYS = List.of("units", "neuron", "init", "weights", "bias", "trainable", "dropout");
    static final List<String> INITS = List.of("glorot-uniform", "glorot-normal", "he-uniform", "he-normal", "zeros");
    static final List<String> TRAINING_KEYS = List.of("epochs", "batch_size", "shuffle", "stop_when", "validation",
            "schedule", "early_stopping", "checkpoint");
    static final List<String> NETWORK_KEYS = List.of("inputs", "load", "layers");
    static final double MAX_VALIDATION = 0.5;

    /** The network: an input width, a stack of dense layers, and optionally a weights file to start from. */
    public record NetworkSpec(Integer inputs, List<LayerSpec> layers, Path load, Node node) {
    }

    /**
     * One dense layer: {@code units} neurons of one model, fully connected to the layer below.
     * Fixed {@code weights} ({@code [inputs][units]}) and {@code bias} replace the initialiser.
     */
    public record LayerSpec(int units, PartSpec neuron, String init, float[][] weights, float[] bias,
                            boolean trainable, double dropout, Node node) {
    }

    /** The learning rule with its parameters, and the loss (optional for local rules). */
    public record LearningSpec(PartSpec rule, PartSpec loss) {
    }

    /**
     * The training protocol.
     *
     * @param validation    fraction of the training split held out for validation (0: none)
     * @param schedule      the learning-rate schedule
     * @param earlyStopping null when training runs to its budget (or its stop condition)
     * @param checkpoint    where to keep the weights, or null
     */
    public record TrainingSpec(int epochs, int batchSize, boolean shuffle, StopCondition stopWhen, double validation,
                               LearningRateSchedule schedule, EarlyStoppingSpec earlyStopping, Path checkpoint) {
        static final TrainingSpec NONE = new TrainingSpec(0, 1, false, null, 0, LearningRateSchedule.CONSTANT, null,
                null);
    }

    /** Ends training early once a metric reaches a bound; the run then counts as converged. */
    public record StopCondition(String metric, Double atLeast, Double atMost) {
        public boolean reached(double value) {
            return atLeast != null ? value >= atLeast : value <= atMost;
        }

        @Override
        public String toString() {
            return metric + (atLeast != null ? " >= " + atLeast : " <= " + atMost);
        }
    }

    public static ExperimentSpec parse(Experiment experiment) throws BadInputException {
        Node root = Node.root(experiment.file(), experiment.config());
        root.mapWithKeys(TOP_KEYS);
        root.get("description").string("");
        PartSpec backend = root.get("backend").isMissing()
                ? new PartSpec("cpu", Map.of(), root.get("backend")) : root.get("backend").part();
        int threads = (int) root.get("threads").integer((long) Runtime.getRuntime().availableProcessors(), 1, 1024);
        PartSpec dataset = root.get("dataset").part();
        NetworkSpec network = network(root.get("network"));
        Node learningNode = root.get("learning");
        LearningSpec learning = learningNode.isMissing() ? null : learning(learningNode);
        Node trainingNode = root.get("training");
        if (learning == null && !trainingNode.isMissing()) {
            throw trainingNode.error("a training section needs a learning section (learning.rule) to train with");
        }
        TrainingSpec training = learning == null ? TrainingSpec.NONE : training(trainingNode);
        return new ExperimentSpec(experiment.name(), experiment.seed(), backend, threads, dataset, network, learning,
                training);
    }

    private static NetworkSpec network(Node node) throws BadInputException {
        if (node.isMissing()) {
            throw node.error("missing; expected a network with layers");
        }
        node.mapWithKeys(NETWORK_KEYS);
        Integer inputs = node.get("inputs").isMissing() ? null : (int) node.get("inputs").integer(null, 1, 1 << 24);
        Path load = path(node.get("load"));
        Node layersNode = node.get("layers");
        if (layersNode.isMissing()) {
            throw layersNode.error("missing; expected a list of layers, e.g. [{units: 4, neuron: relu}]");
        }
        List<Node> items = layersNode.asList();
        if (items.isEmpty()) {
            throw layersNode.error("expected at least one layer");
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (Node item : items) {
            layers.add(layer(item));
        }
        return new NetworkSpec(inputs, List.copyOf(layers), load, node);
    }

    private static LayerSpec layer(Node node) throws BadInputException {
        node.mapWithKeys(LAYER_KEYS);
        int units = (int) node.get("units").integer(null, 1, 1 << 24);
        PartSpec neuron = node.get("neuron").part();
        String init = node.get("init").string("glorot-uniform");
        if (!INITS.contains(init)) {
            throw node.get("init").error("unknown initialiser '" + init + "'; expected one of " + String.join(", ", INITS));
        }
        float[][] weights = null;
        Node w = node.get("weights");
        if (!w.isMissing()) {
            List<Node> rows = w.asList();
            weights = new float[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                weights[i] = rows.get(i).floats();
                if (weights[i].length != units) {
                    throw rows.get(i).error("expected " + units + " weights (one per unit), got " + weights[i].length);
                }
            }
        }
        float[] bias = null;
        Node b = node.get("bias");
        if (!b.isMissing()) {
            bias = b.floats();
            if (bias.length != units) {
                throw b.error("expected " + units + " values (one per unit), got " + bias.length);
            }
        }
        boolean trainable = node.get("trainable").flag(true);
        double dropout = node.get("dropout").number(0.0, 0.0, 0.95);
        return new LayerSpec(units, neuron, init, weights, bias, trainable, dropout, node);
    }

    private static LearningSpec learning(Node node) throws BadInputException {
        if (!node.isMap()) {
            throw node.error("expected a mapping with 'rule' (e.g. adam), 'loss' and the rule's parameters");
        }
        PartSpec rule = node.partWithSiblings("rule", Set.of("loss"));
        Node lossNode = node.get("loss");
        PartSpec loss = lossNode.isMissing() ? null : lossNode.part();
        return new LearningSpec(rule, loss);
    }

    private static TrainingSpec training(Node node) throws BadInputException {
        node.mapWithKeys(TRAINING_KEYS);
        int epochs = (int) node.get("epochs").integer(null, 1, 10_000_000);
        int batch = (int) node.get("batch_size").integer(32L, 1, 1 << 20);
        boolean shuffle = node.get("shuffle").flag(true);
        Node stop = node.get("stop_when");
        StopCondition condition = null;
        if (!stop.isMissing()) {
            stop.mapWithKeys(List.of("metric", "at_least", "at_most"));
            String metric = stop.get("metric").string(null);
            Node least = stop.get("at_least");
            Node most = stop.get("at_most");
            if (least.isMissing() == most.isMissing()) {
                throw stop.error("expected exactly one of at_least or at_most");
            }
            condition = new StopCondition(metric,
                    least.isMissing() ? null : least.number(null, -Double.MAX_VALUE, Double.MAX_VALUE),
                    most.isMissing() ? null : most.number(null, -Double.MAX_VALUE, Double.MAX_VALUE));
        }
        double validation = node.get("validation").number(0.0, 0.0, MAX_VALIDATION);
        LearningRateSchedule schedule = LearningRateSchedule.parse(node.get("schedule"));
        EarlyStoppingSpec earlyStopping = EarlyStoppingSpec.parse(node.get("early_stopping"), validation > 0);
        Path checkpoint = path(node.get("checkpoint"));
        return new TrainingSpec(epochs, batch, shuffle, condition, validation, schedule, earlyStopping, checkpoint);
    }

    /** A file named by the experiment, relative to the experiment file's folder; null when missing. */
    private static Path path(Node node) throws BadInputException {
        return node.resolvedPath();
    }
}

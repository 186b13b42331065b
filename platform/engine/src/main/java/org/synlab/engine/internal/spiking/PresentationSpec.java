package org.synlab.engine.internal.spiking;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synlab.api.Dataset;
import org.synlab.api.eqs.Dimension;
import org.synlab.engine.BadInputException;
import org.synlab.engine.PartKind;
import org.synlab.engine.PartRef;
import org.synlab.engine.internal.Node;
import org.synlab.engine.internal.Node.PartSpec;
import org.synlab.engine.internal.PartResolver;
import org.synlab.engine.internal.Preparer;

/**
 * The {@code presentation} section of a spiking experiment: a labelled image dataset shown to the network as
 * Poisson rates, the protocol of Diehl and Cook (2015). Each image sets the rates of a Poisson source (one neuron
 * per pixel, a pixel of value 1 firing at {@code max_rate}) for {@code time}, then the source falls silent for
 * {@code rest}; an image that draws fewer than {@code min_spikes} spikes from the {@code layer} is shown again with
 * {@code boost} more at value 1, up to {@code max_repeats} times. Plastic projections learn during {@code train}
 * images; then, with learning off and the {@code hold} variables of the layer put back after every image, each
 * layer neuron is labelled by the class it answered most over {@code label} training images, and each of {@code
 * test} test images is classified by the vote of the labelled neurons (the class whose neurons fired most on
 * average).
 * <pre>
 * presentation:
 *   dataset: mnist             # a dataset plugin (or {name: mnist, ...params}) with train and test splits
 *   input: input               # the Poisson source: one neuron per feature
 *   layer: exc                 # the population whose spikes are counted, labelled and voted
 *   max_rate: 63.75 Hz         # the rate of a feature of value 1 (MNIST: pixel/4 Hz on the 0-255 scale)
 *   time: 350 ms               # each image
 *   rest: 150 ms               # silence after each image
 *   min_spikes: 5              # fewer spikes from the layer: show the image again, brighter
 *   boost: 32 Hz               # added to max_rate at each repeat
 *   max_repeats: 8             # repeats of one image at most (then it is counted as it is)
 *   train: 60000               # training images, the first N of the train split (0: no training)
 *   epochs: 1                  # passes over those training images
 *   label: 10000               # the last N training images, shown again without learning, label the neurons
 *   test: 10000                # test images, the first N of the test split
 *   hold: [theta]              # layer variables put back after each labelling and test image
 *   save: out/dc.safetensors   # learned weights, the held variables and the labels, after training
 *   load: out/dc.safetensors   # start from saved ones (with train: 0, evaluation only)
 *   report_every: 1000         # progress and history every N images
 * </pre>
 *
 * @param data        the opened dataset
 * @param datasetName its plugin name
 * @param input       the Poisson source
 * @param layer       the counted population
 * @param maxRateHz   rate of a feature of value 1
 * @param presentMs   presentation time
 * @param restMs      rest time
 * @param minSpikes   spikes below which an image is repeated
 * @param boostHz     rate added at value 1 per repeat
 * @param maxRepeats  repeats at most
 * @param train       training images
 * @param epochs      passes over the training images
 * @param label       labelling images
 * @param test        test images
 * @param hold        layer variables restored after each image without learning
 * @param save        where to save the learned state, or null
 * @param load        where to load a learned state from, or null
 * @param reportEvery images between progress reports
 */
public record PresentationSpec(Dataset.Data data, String datasetName, String input, String layer, double maxRateHz,
                               double presentMs, double restMs, int minSpikes, double boostHz, int maxRepeats,
                               int train, int epochs, int label, int test, List<String> hold, Path save, Path load,
                               int reportEvery) {

    static final List<String> KEYS = List.of("dataset", "input", "layer", "max_rate", "time", "rest", "min_spikes",
            "boost", "max_repeats", "train", "epochs", "label", "test", "hold", "save", "load", "report_every");

    public PresentationSpec {
        hold = List.copyOf(hold);
    }

    /** The bio time one showing of an image takes, rest included. */
    double showingMs() {
        return presentMs + restMs;
    }

    /**
     * Reads the section against the network: the input must be a Poisson source with one neuron per feature, the
     * layer a population with the held variables. Opens the dataset (fetching it if its plugin does that).
     */
    static PresentationSpec read(Node node, Map<String, Dataset> datasets, Map<String, Integer> poissonSizes,
                                 Map<String, PopulationPlan> populations, long seed, Set<PartRef> parts)
            throws BadInputException {
        node.mapWithKeys(KEYS);
        Node datasetNode = node.get("dataset");
        if (datasetNode.isMissing()) {
            throw datasetNode.error("missing; expected a dataset of labelled images, e.g. mnist");
        }
        PartSpec datasetSpec = datasetNode.part();
        Dataset.Data data = Preparer.openDataset(datasetSpec,
                PartResolver.resolve(datasetSpec, PartKind.DATASET, datasets), seed);
        parts.add(new PartRef(PartKind.DATASET, datasetSpec.name()));
        if (data.task() != Dataset.Task.MULTICLASS || !data.splits().contains("test")) {
            throw datasetNode.error("dataset '" + datasetSpec.name() + "' must have one class per sample and a"
                    + " test split to label and vote on; it has " + data.task() + " targets and splits "
                    + data.splits());
        }

        Node inputNode = node.get("input");
        String input = inputNode.string(null);
        Integer inputSize = poissonSizes.get(input);
        if (inputSize == null) {
            throw inputNode.error("expected a Poisson source of network.sources"
                    + (poissonSizes.isEmpty() ? "; there is none" : ": one of " + String.join(", ",
                    poissonSizes.keySet())) + ", got '" + input + "'");
        }
        if (inputSize != data.features()) {
            throw inputNode.error("Poisson source " + input + " has " + inputSize + " neurons; dataset '"
                    + datasetSpec.name() + "' has " + data.features() + " features per image, one neuron each");
        }
        Node layerNode = node.get("layer");
        String layer = layerNode.string(null);
        PopulationPlan plan = populations.get(layer);
        if (plan == null) {
            throw layerNode.error("expected a population, one of " + String.join(", ", populations.keySet())
                    + ", got '" + layer + "'");
        }
        Node holdNode = node.get("hold");
        List<String> hold = holdNode.isMissing() ? List.of() : strings(holdNode);
        List<String> variables = plan.program().variables().stream().map(v -> v.name()).toList();
        for (String variable : hold) {
            if (!variables.contains(variable)) {
                throw holdNode.error("population " + layer + " (model " + plan.model() + ") has no variable '"
                        + variable + "'; its variables: " + String.join(", ", variables));
            }
        }

        double maxRate = hertz(node.get("max_rate"), 63.75);
        double boost = hertz(node.get("boost"), 32);
        double present = node.get("time").isMissing() ? 350 : positiveMs(node.get("time"));
        double rest = node.get("rest").isMissing() ? 150 : Quantities.ms(node.get("rest"));
        if (!(rest >= 0)) {
            throw node.get("rest").error("expected a time >= 0, got " + node.get("rest").raw());
        }
        int minSpikes = (int) node.get("min_spikes").integer(5L, 0, Integer.MAX_VALUE);
        int maxRepeats = (int) node.get("max_repeats").integer(8L, 0, 1000);
        int trainSize = data.split(data.splits().get(0)).size();
        int train = (int) node.get("train").integer((long) trainSize, 0, trainSize);
        int epochs = (int) node.get("epochs").integer(1L, 1, 1000);
        int label = (int) node.get("label").integer((long) Math.min(trainSize, 10_000), 1, trainSize);
        int testSize = data.split("test").size();
        int test = (int) node.get("test").integer((long) testSize, 0, testSize);
        Path save = node.get("save").resolvedPath();
        Path load = node.get("load").resolvedPath();
        int reportEvery = (int) node.get("report_every").integer(1000L, 1, Integer.MAX_VALUE);
        return new PresentationSpec(data, datasetSpec.name(), input, layer, maxRate, present, rest, minSpikes, boost,
                maxRepeats, train, epochs, label, test, hold, save, load, reportEvery);
    }

    private static List<String> strings(Node node) throws BadInputException {
        List<String> out = new java.util.ArrayList<>();
        for (Node item : node.asList()) {
            out.add(item.string(null));
        }
        return out;
    }

    private static double hertz(Node node, double fallback) throws BadInputException {
        if (node.isMissing()) {
            return fallback;
        }
        double hz = Quantities.si(node, Dimension.FREQUENCY);
        if (!(hz >= 0) || Double.isInfinite(hz)) {
            throw node.error("expected a rate >= 0, got " + node.raw());
        }
        return hz;
    }

    private static double positiveMs(Node node) throws BadInputException {
        double ms = Quantities.ms(node);
        if (!(ms > 0) || Double.isInfinite(ms)) {
            throw node.error("expected a positive time, got " + node.raw());
        }
        return ms;
    }
}

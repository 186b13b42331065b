package org.synlab.engine.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synlab.api.Activation;
import org.synlab.api.Availability;
import org.synlab.api.Backend;
import org.synlab.api.Dataset;
import org.synlab.api.GradientRule;
import org.synlab.api.LearningRule;
import org.synlab.api.LocalRule;
import org.synlab.api.Loss;
import org.synlab.api.NeuronModel;
import org.synlab.api.ParameterException;
import org.synlab.api.Params;
import org.synlab.api.RateNeuron;
import org.synlab.engine.BadInputException;
import org.synlab.engine.Experiment;
import org.synlab.engine.PartKind;
import org.synlab.engine.PartRef;
import org.synlab.engine.internal.Node.PartSpec;
import org.synlab.engine.internal.PartResolver.Resolved;
import org.synlab.engine.internal.spiking.SpikingPreparer;

/**
 * Checks an experiment against the live plugins and builds its {@link RunPlan}: every name
 * resolved, every parameter validated, the data opened, shapes matched. Everything that can be
 * wrong with the input is found here, before a run starts. A spiking experiment (one with a
 * {@code simulation} section or {@code network.populations}) goes to {@link SpikingPreparer}.
 */
public final class Preparer {

    private final Map<String, Backend> backends;
    private final Map<String, NeuronModel> neurons;
    private final Map<String, LearningRule> rules;
    private final Map<String, Loss> losses;
    private final Map<String, Dataset> datasets;

    private Map<String, NeuronModel> rateNeurons() {
        Map<String, NeuronModel> rate = new java.util.TreeMap<>();
        neurons.forEach((name, model) -> {
            if (model instanceof RateNeuron) {
                rate.put(name, model);
            }
        });
        return rate;
    }

    public Preparer(Map<String, Backend> backends, Map<String, NeuronModel> neurons, Map<String, LearningRule> rules,
                    Map<String, Loss> losses, Map<String, Dataset> datasets) {
        this.backends = backends;
        this.neurons = neurons;
        this.rules = rules;
        this.losses = losses;
        this.datasets = datasets;
    }

    /** The plan, and the parts it holds. */
    public record Prepared(Plan plan, Set<PartRef> parts) {
    }

    public Prepared prepare(Experiment experiment) throws BadInputException {
        if (SpikingPreparer.isSpiking(experiment)) {
            Set<PartRef> parts = new LinkedHashSet<>();
            Plan plan = new SpikingPreparer(backends, neurons, rules, datasets).prepare(experiment, parts);
            return new Prepared(plan, parts);
        }
        ExperimentSpec spec = ExperimentSpec.parse(experiment);
        Set<PartRef> parts = new LinkedHashSet<>();

        Resolved<Backend> backend = PartResolver.resolve(spec.backend(), PartKind.BACKEND, backends);
        Availability availability = backend.part().availability();
        if (!availability.available()) {
            throw spec.backend().node().error("backend '" + spec.backend().name() + "' cannot run here: "
                    + availability.reason());
        }
        parts.add(new PartRef(PartKind.BACKEND, spec.backend().name()));

        Resolved<Dataset> dataset = PartResolver.resolve(spec.dataset(), PartKind.DATASET, datasets);
        Dataset.Data data = openDataset(spec.dataset(), dataset, spec.seed());
        parts.add(new PartRef(PartKind.DATASET, spec.dataset().name()));

        List<RunPlan.LayerPlan> layers = layers(spec, data, parts);
        Map<String, float[]> loadedWeights = spec.network().load() == null ? Map.of()
                : Checkpoints.load(spec.network().node().get("load"), spec.network().load(), layers);

        GradientRule gradientRule = null;
        LocalRule localRule = null;
        Params ruleParams = Params.NONE;
        Loss loss = null;
        Params lossParams = Params.NONE;
        if (spec.learning() != null) {
            PartSpec ruleSpec = spec.learning().rule();
            Resolved<LearningRule> rule = PartResolver.resolve(ruleSpec, PartKind.LEARNING_RULE, rules);
            ruleParams = rule.params();
            parts.add(new PartRef(PartKind.LEARNING_RULE, ruleSpec.name()));
            if (rule.part() instanceof GradientRule g) {
                gradientRule = g;
                if (!ruleParams.has("lr")) {
                    throw ruleSpec.node().error("gradient rule '" + ruleSpec.name() + "' declares no 'lr' parameter");
                }
            } else if (rule.part() instanceof LocalRule l) {
                localRule = l;
                if (l.supervised() && layers.size() != 1) {
                    throw ruleSpec.node().error("'" + ruleSpec.name() + "' is a supervised local rule: it trains one"
                            + " layer against the targets, but network.layers has " + layers.size());
                }
            } else {
                throw ruleSpec.node().error("'" + ruleSpec.name() + "' is neither a gradient rule nor a local rule");
            }
            PartSpec lossSpec = spec.learning().loss();
            if (data.task() == Dataset.Task.UNLABELLED) {
                checkUnlabelled(spec, ruleSpec, localRule, lossSpec);
            }
            if (lossSpec == null && gradientRule != null) {
                throw new BadInputException(experiment.file(), pathOf(ruleSpec, "loss"),
                        "missing; gradient rule '" + ruleSpec.name() + "' needs a loss; known: "
                                + String.join(", ", new java.util.TreeSet<>(losses.keySet())));
            }
            if (lossSpec != null) {
                Resolved<Loss> resolvedLoss = PartResolver.resolve(lossSpec, PartKind.LOSS, losses);
                loss = resolvedLoss.part();
                lossParams = resolvedLoss.params();
                checkExpressions(lossSpec, loss, lossParams);
                parts.add(new PartRef(PartKind.LOSS, lossSpec.name()));
            }
            checkValidation(experiment, spec, data);
            checkSchedule(experiment, spec, ruleSpec, gradientRule, ruleParams);
            checkEpochMetrics(experiment, spec, data, loss != null);
        }
        RunPlan plan = new RunPlan(spec, backend.part(), data, layers, gradientRule, localRule, ruleParams, loss,
                lossParams, loadedWeights);
        return new Prepared(plan, parts);
    }

    private static String pathOf(PartSpec spec, String key) {
        return spec.paramPath(key);
    }

    /** Opens a resolved dataset; a missing or corrupt file, or a bad parameter, is bad input naming the key. */
    public static Dataset.Data openDataset(PartSpec spec, Resolved<Dataset> dataset, long seed)
            throws BadInputException {
        try {
            return dataset.part().open(dataset.params(), seed);
        } catch (ParameterException e) {
            throw new BadInputException(spec.node().file(), spec.paramPath(e.key()), e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw spec.node().error("dataset '" + spec.name() + "' cannot be opened: " + e.getMessage());
        }
    }

    private List<RunPlan.LayerPlan> layers(ExperimentSpec spec, Dataset.Data data, Set<PartRef> parts)
            throws BadInputException {
        ExperimentSpec.NetworkSpec network = spec.network();
        int inputs = network.inputs() == null ? data.features() : network.inputs();
        if (inputs != data.features()) {
            throw network.node().get("inputs").error("dataset '" + spec.dataset().name() + "' has " + data.features()
                    + " features per sample, so the network needs " + data.features() + " inputs, not " + inputs);
        }
        List<RunPlan.LayerPlan> out = new ArrayList<>();
        int width = inputs;
        for (int i = 0; i < network.layers().size(); i++) {
            ExperimentSpec.LayerSpec layer = network.layers().get(i);
            boolean last = i == network.layers().size() - 1;
            // a layer of a rate network picks among rate models: naming a spiking model here is refused
            // with the rate models as the known ones
            Resolved<NeuronModel> neuron = PartResolver.resolve(layer.neuron(), PartKind.NEURON, rateNeurons());
            RateNeuron rate = PartResolver.require(neuron, RateNeuron.class, layer.neuron(), "a rate neuron model");
            Activation activation;
            try {
                activation = rate.activation(neuron.params());
            } catch (IllegalArgumentException e) {
                throw layer.neuron().node().error("neuron '" + layer.neuron().name() + "' has an invalid activation: "
                        + e.getMessage());
            }
            parts.add(new PartRef(PartKind.NEURON, layer.neuron().name()));
            if (layer.weights() != null && layer.weights().length != width) {
                throw layer.node().get("weights").error("expected " + width + " rows (one per input of this layer), got "
                        + layer.weights().length);
            }
            // unlabelled data has no targets to match: an unsupervised rule may train any number of units
            if (last && data.task() != Dataset.Task.UNLABELLED && layer.units() != data.outputs()) {
                throw layer.node().get("units").error("the output layer needs " + data.outputs() + " units, one per"
                        + " output of dataset '" + spec.dataset().name() + "' (" + String.join(", ", data.outputNames())
                        + "), not " + layer.units());
            }
            if (last && layer.dropout() > 0) {
                throw layer.node().get("dropout").error("dropout applies to hidden layers, not to the output layer");
            }
            out.add(new RunPlan.LayerPlan(width, layer, activation));
            width = layer.units();
        }
        return out;
    }

    /** Unlabelled data has no targets: only an unsupervised local rule trains on it, without a loss. */
    private void checkUnlabelled(ExperimentSpec spec, PartSpec ruleSpec, LocalRule localRule,
                                 PartSpec lossSpec) throws BadInputException {
        String what = "dataset '" + spec.dataset().name() + "' is unlabelled (inputs only, no targets), so ";
        if (localRule == null || localRule.supervised()) {
            List<String> unsupervised = new ArrayList<>();
            rules.forEach((name, rule) -> {
                if (rule instanceof LocalRule l && !l.supervised()) {
                    unsupervised.add(name);
                }
            });
            java.util.Collections.sort(unsupervised);
            throw ruleSpec.node().error(what + "'" + ruleSpec.name() + "', which learns from targets, cannot train on"
                    + " it; expected an unsupervised local rule"
                    + (unsupervised.isEmpty() ? "" : " (" + String.join(", ", unsupervised) + ")"));
        }
        if (lossSpec != null) {
            throw lossSpec.node().error(what + "there is nothing for a loss to compare the outputs with; remove"
                    + " learning.loss");
        }
    }

    private static void checkExpressions(PartSpec spec, Loss loss, Params params) throws BadInputException {
        try {
            loss.value(params).requireVariables("loss value", "p", "t");
            loss.gradient(params).requireVariables("loss gradient", "p", "t");
        } catch (IllegalArgumentException e) {
            throw spec.node().error("loss '" + spec.name() + "' is invalid: " + e.getMessage());
        }
    }

    private static void checkValidation(Experiment experiment, ExperimentSpec spec, Dataset.Data data)
            throws BadInputException {
        double fraction = spec.training().validation();
        if (fraction == 0) {
            return;
        }
        String trainName = data.splits().get(0);
        int rows = data.split(trainName).size();
        int heldOut = ValidationSplit.heldOut(rows, fraction);
        if (heldOut < 1 || heldOut >= rows) {
            throw new BadInputException(experiment.file(), "training.validation", "a fraction of " + fraction + " of the "
                    + rows + " samples of split '" + trainName + "' holds out " + heldOut + "; it must leave at least one"
                    + " sample for validation and one for training");
        }
    }

    private static void checkSchedule(Experiment experiment, ExperimentSpec spec, PartSpec ruleSpec,
                                      GradientRule gradientRule, Params ruleParams) throws BadInputException {
        LearningRateSchedule schedule = spec.training().schedule();
        if (schedule.isConstant()) {
            return;
        }
        if (gradientRule == null) {
            throw new BadInputException(experiment.file(), "training.schedule", "a schedule changes the learning rate of"
                    + " a gradient rule; '" + ruleSpec.name() + "' is a local rule");
        }
        double lr = ruleParams.number("lr");
        if (schedule.name().equals("cosine") && schedule.minLr() > lr) {
            throw new BadInputException(experiment.file(), "training.schedule.min_lr", "expected at most the base rate "
                    + ruleSpec.paramPath("lr") + " = " + lr + ", got " + schedule.minLr());
        }
    }

    /** The stop condition and early stopping must follow metrics this run measures after each epoch. */
    private static void checkEpochMetrics(Experiment experiment, ExperimentSpec spec, Dataset.Data data,
                                          boolean hasLoss) throws BadInputException {
        List<String> available = new ArrayList<>();
        List<String> splits = spec.training().validation() > 0 ? List.of("train", "val") : List.of("train");
        for (String split : splits) {
            if (hasLoss) {
                available.add(split + ".loss");
            }
            if (data.task() == Dataset.Task.BINARY || data.task() == Dataset.Task.MULTICLASS) {
                available.add(split + ".accuracy");
            }
        }
        ExperimentSpec.StopCondition stop = spec.training().stopWhen();
        if (stop != null) {
            requireMetric(experiment, "training.stop_when.metric", stop.metric(), available);
        }
        EarlyStoppingSpec early = spec.training().earlyStopping();
        if (early != null) {
            requireMetric(experiment, "training.early_stopping.metric", early.metric(), available);
        }
    }

    private static void requireMetric(Experiment experiment, String key, String metric, List<String> available)
            throws BadInputException {
        if (!available.contains(metric)) {
            String hint = metric.startsWith("val.") && available.stream().noneMatch(m -> m.startsWith("val."))
                    ? " (val.* needs a validation split: training.validation)" : "";
            throw new BadInputException(experiment.file(), key, "unknown metric '" + metric + "'; this run measures "
                    + (available.isEmpty() ? "nothing to stop on" : String.join(", ", available)) + hint);
        }
    }
}

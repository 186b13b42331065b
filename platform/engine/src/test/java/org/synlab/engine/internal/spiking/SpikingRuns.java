package org.synlab.engine.internal.spiking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synlab.api.Backend;
import org.synlab.api.Dataset;
import org.synlab.api.LearningRule;
import org.synlab.api.NeuronModel;
import org.synlab.engine.BadInputException;
import org.synlab.engine.Experiment;
import org.synlab.engine.ExperimentLoader;
import org.synlab.engine.PartRef;
import org.synlab.engine.RunControl;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;
import org.synlab.engine.ShippedPlugins;

/** Prepares and runs spiking experiments written inline, on the shipped neuron models and an interpreting backend. */
final class SpikingRuns {

    static final Map<String, NeuronModel> NEURONS = new ShippedPlugins().byName(NeuronModel.class);
    static final Map<String, Backend> BACKENDS = Map.of("cpu", new InterpretingBackend());
    static final Map<String, LearningRule> RULES = new ShippedPlugins().byName(LearningRule.class);
    static final Map<String, Dataset> DATASETS = Map.of("bars", new BarsDataset());

    private SpikingRuns() {
    }

    /** Writes {@code yaml} to {@code folder/name.yaml}. */
    static Path write(Path folder, String name, String yaml) {
        try {
            return Files.writeString(folder.resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpikingPlan prepare(Path file, String... overrides) throws BadInputException {
        Experiment experiment = ExperimentLoader.load(file, List.of(overrides));
        Set<PartRef> parts = new LinkedHashSet<>();
        return new SpikingPreparer(BACKENDS, NEURONS, RULES, DATASETS).prepare(experiment, parts);
    }

    static RunResult run(Path file, String... overrides) throws BadInputException {
        return prepare(file, overrides).execute(RunListener.NONE, new RunControl());
    }
}

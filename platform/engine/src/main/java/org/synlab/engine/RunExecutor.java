package org.synlab.engine;

import jakarta.inject.Inject;
import java.util.Map;
import org.synlab.api.Backend;
import org.synlab.api.Dataset;
import org.synlab.api.LearningRule;
import org.synlab.api.Loss;
import org.synlab.api.NeuronModel;

/**
 * Resolves an experiment's plugin names and validates it, giving a {@link PreparedRun}. The host
 * builds one per run through a Guice injector whose map bindings hold the plugin parts live at that
 * moment, keyed by name.
 */
public final class RunExecutor {

    private final Map<String, Backend> backends;
    private final Map<String, NeuronModel> neurons;
    private final Map<String, LearningRule> rules;
    private final Map<String, Loss> losses;
    private final Map<String, Dataset> datasets;

    @Inject
    public RunExecutor(Map<String, Backend> backends, Map<String, NeuronModel> neurons,
                       Map<String, LearningRule> rules, Map<String, Loss> losses, Map<String, Dataset> datasets) {
        this.backends = backends;
        this.neurons = neurons;
        this.rules = rules;
        this.losses = losses;
        this.datasets = datasets;
    }

    /**
     * Checks every key and parameter and resolves every plugin name; nothing runs yet.
     *
     * @throws BadInputException naming the file, the key and what was expected (unknown plugin names
     *                           list the known ones)
     */
    public PreparedRun prepare(Experiment experiment) throws BadInputException {
        throw new BadInputException(experiment.file(), null, "engine under construction");
    }
}

package org.synlab.engine;

import jakarta.inject.Inject;
import java.util.Map;
import org.synlab.api.Backend;
import org.synlab.api.Dataset;
import org.synlab.api.LearningRule;
import org.synlab.api.Loss;
import org.synlab.api.NeuronModel;
import org.synlab.engine.internal.Preparer;

/**
 * Resolves an experiment's plugin names and validates it, giving a {@link PreparedRun}: a rate
 * network trained by gradient or local rules, or a spiking network simulated in time steps (a file
 * with a {@code simulation} section; its vocabulary is described in
 * {@code org.synlab.engine.internal.spiking}). The host
 * builds one per run through a Guice injector whose map bindings hold the plugin parts live at that
 * moment, keyed by name.
 */
public final class RunExecutor {

    private final Preparer preparer;

    @Inject
    public RunExecutor(Map<String, Backend> backends, Map<String, NeuronModel> neurons,
                       Map<String, LearningRule> rules, Map<String, Loss> losses, Map<String, Dataset> datasets) {
        this.preparer = new Preparer(Map.copyOf(backends), Map.copyOf(neurons), Map.copyOf(rules), Map.copyOf(losses),
                Map.copyOf(datasets));
    }

    /**
     * Checks every key and parameter, resolves every plugin name and opens the data; nothing runs yet.
     *
     * @throws BadInputException naming the file, the key and what was expected (unknown plugin names
     *                           list the known ones)
     */
    public PreparedRun prepare(Experiment experiment) throws BadInputException {
        Preparer.Prepared prepared = preparer.prepare(experiment);
        return new PreparedRun(experiment, prepared.plan(), prepared.parts());
    }
}

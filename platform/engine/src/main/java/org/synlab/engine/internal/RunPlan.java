package org.synlab.engine.internal;

import java.util.List;
import java.util.Map;
import org.synlab.api.Activation;
import org.synlab.api.Backend;
import org.synlab.api.Dataset;
import org.synlab.api.GradientRule;
import org.synlab.api.LocalRule;
import org.synlab.api.Loss;
import org.synlab.api.Params;
import org.synlab.engine.RunControl;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;

/**
 * Everything a run needs, resolved and validated: the parts with their parameters, the opened
 * data, the weights to start from, and the spec. Built by the engine's prepare step; executed by
 * {@link Trainer}.
 *
 * @param loadedWeights values by tensor name ({@code layer1.weight}...) from {@code network.load}, or empty
 */
public record RunPlan(ExperimentSpec spec, Backend backend, Dataset.Data data, List<LayerPlan> layers,
               GradientRule gradientRule, LocalRule localRule, Params ruleParams, Loss loss, Params lossParams,
               Map<String, float[]> loadedWeights) implements Plan {

    /** One layer with its neuron model resolved and its input width known. */
    record LayerPlan(int inputs, ExperimentSpec.LayerSpec spec, Activation activation) {
    }

    public boolean learns() {
        return gradientRule != null || localRule != null;
    }

    @Override
    public String backendName() {
        return backend.name();
    }

    @Override
    public RunResult execute(RunListener listener, RunControl control) {
        return Trainer.execute(this, listener, control);
    }
}

package org.synlab.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule;
import org.synlab.api.LocalRule;
import org.synlab.api.Params;
import org.synlab.api.Tensor;

/** How a training batch changes the network once its forward pass is done. */
interface Learner {

    /**
     * @param x    the batch's input
     * @param y    its targets
     * @param out  the network's output for {@code x}
     * @param step 1 for the run's first batch, then 2, 3...
     * @param learningRate the scheduled rate of this epoch (gradient rules; local rules keep their own)
     */
    void learn(Tensor x, Tensor y, Tensor out, long step, float learningRate);

    /** Backpropagation of the loss, then one optimiser step over every trainable parameter. */
    static Learner gradient(Compute compute, Network network, LossTerm loss, GradientRule rule, Params params) {
        GradientRule.Optimizer optimizer = rule.optimizer(compute, params);
        List<GradientRule.Parameter> parameters = network.parameters();
        return (x, y, out, step, learningRate) -> {
            DenseLayer last = network.output();
            DenseLayer.Buffers buffers = last.buffers(x.rows());
            if (loss.fused()) {
                loss.gradient(out, y, buffers.dz);
            } else {
                loss.gradient(out, y, buffers.gradOut);
                last.gradientThroughActivation(x.rows());
            }
            network.backward(x);
            optimizer.step(parameters, learningRate, step);
        };
    }

    /** A local rule on every trainable layer; only the output layer sees the targets. */
    static Learner local(Compute compute, Network network, LocalRule rule, Params params) {
        List<LocalRule.Updater> updaters = new ArrayList<>();
        for (int l = 0; l < network.layers.size(); l++) {
            updaters.add(rule.updater(compute, params));
        }
        return (x, y, out, step, learningRate) -> {
            for (int l = 0; l < network.layers.size(); l++) {
                DenseLayer layer = network.layers.get(l);
                if (layer.trainable) {
                    boolean last = l == network.layers.size() - 1;
                    updaters.get(l).update(new LocalRule.LayerActivity(network.inputOf(l, x),
                            layer.buffers(x.rows()).out, last ? y : null, layer.weight, layer.bias));
                }
            }
        };
    }
}

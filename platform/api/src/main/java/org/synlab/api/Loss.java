package org.synlab.api;

import org.synlab.api.expr.Expr;

/**
 * A loss function, declared by expressions in {@code p} (the network's output) and {@code t} (the
 * target), so that every backend can evaluate it.
 */
public interface Loss extends Plugin {

    /** How per-element values are reduced to the loss of a batch. */
    enum Reduction {
        /** Mean over every element (MSE, binary cross-entropy). */
        MEAN,
        /** Sum over a sample's outputs, mean over the batch (categorical cross-entropy). */
        SUM_OUTPUTS_MEAN_BATCH
    }

    /** The per-element loss. */
    Expr value(Params params);

    /** Its derivative with respect to {@code p}, per element, before the reduction's scaling. */
    Expr gradient(Params params);

    Reduction reduction();

    /**
     * The derivative with respect to the output layer's summed input, for output neurons where it
     * simplifies (sigmoid with binary cross-entropy, softmax with categorical cross-entropy: {@code p - t}),
     * which avoids dividing by a saturated {@code p}. Null where there is no such form.
     *
     * @param outputNeuron the name of the output layer's neuron model
     */
    default Expr gradientThroughOutput(String outputNeuron, Params params) {
        return null;
    }
}

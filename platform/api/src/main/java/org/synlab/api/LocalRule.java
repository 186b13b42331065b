package org.synlab.api;

/**
 * A local learning rule: updates one layer's weights from the activity on both its sides (and a
 * target where the rule is supervised, as Rosenblatt's perceptron rule is), without a global
 * error signal.
 */
public interface LocalRule extends LearningRule {

    /** An updater for one layer of one run; it may allocate scratch tensors on {@code compute}. */
    Updater updater(Compute compute, Params params);

    /** Whether the rule needs {@link LayerActivity#target()}. */
    default boolean supervised() {
        return false;
    }

    /** One layer's updater. */
    interface Updater {
        /** Updates {@code activity.weights()} and {@code activity.bias()} in place. */
        void update(LayerActivity activity);
    }

    /**
     * What a local rule sees of one layer after a forward pass over a batch.
     *
     * @param input   presynaptic activity, {@code [batch, inputs]}
     * @param output  postsynaptic activity, {@code [batch, units]}
     * @param target  desired output, {@code [batch, units]}, or null for unsupervised rules
     * @param weights {@code [inputs, units]}
     * @param bias    {@code [units]}
     */
    record LayerActivity(Tensor input, Tensor output, Tensor target, Tensor weights, Tensor bias) {
    }
}

package org.synlab.api;

/**
 * A gradient-based optimiser (SGD, momentum, Adam...). The engine computes gradients by
 * backpropagation; the optimiser turns them into parameter updates. Its schema should declare
 * {@code lr}, the base learning rate the engine passes to {@link Optimizer#step}.
 */
public interface GradientRule extends LearningRule {

    /** An optimiser for one run; it may allocate state tensors (moments) on {@code compute}. */
    Optimizer optimizer(Compute compute, Params params);

    /** One run's optimiser. */
    interface Optimizer {
        /**
         * Applies one update to every parameter from its gradient.
         *
         * @param parameters   values and gradients, in the same order every step
         * @param learningRate the learning rate for this step
         * @param step         1 for the first update of the run, then 2, 3...
         */
        void step(java.util.List<Parameter> parameters, float learningRate, long step);
    }

    /**
     * A trainable tensor and its gradient.
     *
     * @param name     stable name, e.g. {@code layer1.weight}
     * @param value    the parameter
     * @param gradient the gradient of the loss with respect to it (same shape)
     * @param weight   true for weights (subject to L2 and weight decay), false for biases
     */
    record Parameter(String name, Tensor value, Tensor gradient, boolean weight) {
    }
}

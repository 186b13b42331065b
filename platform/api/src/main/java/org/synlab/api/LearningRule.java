package org.synlab.api;

/**
 * A learning rule. Register it as a DS component with {@code service = LearningRule.class} and
 * implement one of the two kinds: {@link GradientRule} (updates parameters from the gradients the
 * engine computes by backpropagation) or {@link LocalRule} (updates a layer's weights from the
 * activity on both its sides).
 */
public interface LearningRule extends Plugin {
}

package org.synlab.plugins.neurons.rate;

import java.util.Map;
import java.util.stream.Stream;
import org.synlab.api.Activation;
import org.synlab.api.RateNeuron;

/**
 * Every elementwise neuron of the bundle with the parameters under test, the reference function it
 * must compute, and inputs for the derivative check that keep clear of its kinks and jumps.
 */
record ActivationCases(String label, RateNeuron neuron, Map<String, ?> params,
                       java.util.function.DoubleUnaryOperator reference, double[] smoothPoints) {

    static final double[] EVERYWHERE = {-30, -4, -1.5, -0.3, 0.2, 0.9, 2.5, 7, 30};

    static Stream<ActivationCases> all() {
        return Stream.of(
                new ActivationCases("mcculloch-pitts", new McCullochPittsNeuron(), Map.of("threshold", 0.5),
                        x -> x >= 0.5 ? 1 : 0, EVERYWHERE),
                new ActivationCases("step", new StepNeuron(), Map.of(), x -> x > 0 ? 1 : 0, EVERYWHERE),
                new ActivationCases("linear", new LinearNeuron(), Map.of(), x -> x, EVERYWHERE),
                new ActivationCases("sigmoid", new SigmoidNeuron(), Map.of(), x -> 1 / (1 + Math.exp(-x)), EVERYWHERE),
                new ActivationCases("tanh", new TanhNeuron(), Map.of(), Math::tanh, EVERYWHERE),
                new ActivationCases("relu", new ReluNeuron(), Map.of(), x -> Math.max(0, x), EVERYWHERE),
                new ActivationCases("leaky-relu", new LeakyReluNeuron(), Map.of("alpha", 0.2),
                        x -> x > 0 ? x : 0.2 * x, EVERYWHERE));
    }

    Activation.Elementwise activation() {
        Activation a = neuron.activation(neuron.parameters().validate(params));
        return (Activation.Elementwise) a;
    }

    @Override
    public String toString() {
        return label;
    }
}

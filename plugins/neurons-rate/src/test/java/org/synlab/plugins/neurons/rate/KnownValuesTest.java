package org.synlab.plugins.neurons.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.Activation;
import org.synlab.api.ParameterException;
import org.synlab.api.RateNeuron;

/** Values worth pinning one by one: thresholds, defaults, saturation, parameter errors. */
class KnownValuesTest {

    @Test
    void mccullochPittsFiresAtItsThresholdInclusiveDefaultZero() {
        RateNeuron neuron = new McCullochPittsNeuron();
        assertEquals(1.0, y(neuron, Map.of(), 0.0));
        assertEquals(0.0, y(neuron, Map.of(), -1e-9));
        assertEquals(1.0, y(neuron, Map.of("threshold", 2.0), 2.0));
        assertEquals(0.0, y(neuron, Map.of("threshold", 2.0), 1.99));
        assertEquals(0.0, derivative(neuron, Map.of(), 2.0, 1.0));
    }

    @Test
    void stepIsSilentAtZero() {
        assertEquals(0.0, y(new StepNeuron(), Map.of(), 0.0));
        assertEquals(1.0, y(new StepNeuron(), Map.of(), 1e-9));
    }

    @Test
    void sigmoidKnownValuesAndNoOverflowAtTheExtremes() {
        RateNeuron sigmoid = new SigmoidNeuron();
        assertEquals(0.5, y(sigmoid, Map.of(), 0.0), 1e-15);
        assertEquals(0.7310585786300049, y(sigmoid, Map.of(), 1.0), 1e-15);
        assertEquals(0.2689414213699951, y(sigmoid, Map.of(), -1.0), 1e-15);
        assertEquals(0.0, y(sigmoid, Map.of(), -1000.0), 1e-300);
        assertEquals(1.0, y(sigmoid, Map.of(), 1000.0));
        assertEquals(0.25, derivative(sigmoid, Map.of(), 0.0, 0.5), 1e-15);
    }

    @Test
    void tanhKnownValues() {
        assertEquals(0.7615941559557649, y(new TanhNeuron(), Map.of(), 1.0), 1e-15);
        assertEquals(1 - 0.5 * 0.5, derivative(new TanhNeuron(), Map.of(), 0.5493061443340549, 0.5), 1e-15);
    }

    @Test
    void reluAndLeakyRelu() {
        assertEquals(0.0, y(new ReluNeuron(), Map.of(), -3.0));
        assertEquals(3.0, y(new ReluNeuron(), Map.of(), 3.0));
        assertEquals(0.0, derivative(new ReluNeuron(), Map.of(), 0.0, 0.0), "derivative at 0 is taken as 0");
        assertEquals(-0.03, y(new LeakyReluNeuron(), Map.of(), -3.0), 1e-15, "default alpha 0.01");
        assertEquals(0.01, derivative(new LeakyReluNeuron(), Map.of(), -3.0, -0.03), 1e-15);
        assertEquals(1.0, derivative(new LeakyReluNeuron(), Map.of(), 3.0, 3.0));
    }

    @Test
    void leakyReluRejectsAlphaOfOneOrMore() {
        LeakyReluNeuron neuron = new LeakyReluNeuron();
        assertEquals("alpha", assertThrows(ParameterException.class,
                () -> neuron.activation(neuron.parameters().validate(Map.of("alpha", 1.0)))).key());
        assertEquals("alpha", assertThrows(ParameterException.class,
                () -> neuron.parameters().validate(Map.of("alpha", -0.1))).key());
    }

    @Test
    void linearIsTheIdentityWithSlopeOne() {
        assertEquals(-7.5, y(new LinearNeuron(), Map.of(), -7.5));
        assertEquals(1.0, derivative(new LinearNeuron(), Map.of(), -7.5, -7.5));
    }

    @Test
    void softmaxIsTheBackendsRowOperation() {
        SoftmaxNeuron softmax = new SoftmaxNeuron();
        assertEquals("softmax", softmax.name());
        assertInstanceOf(Activation.Softmax.class, softmax.activation(softmax.parameters().validate(Map.of())));
    }

    private static double y(RateNeuron neuron, Map<String, ?> params, double x) {
        return elementwise(neuron, params).function().evaluate(v -> x);
    }

    private static double derivative(RateNeuron neuron, Map<String, ?> params, double x, double y) {
        return elementwise(neuron, params).derivative().evaluate(v -> v.equals("x") ? x : y);
    }

    private static Activation.Elementwise elementwise(RateNeuron neuron, Map<String, ?> params) {
        return (Activation.Elementwise) neuron.activation(neuron.parameters().validate(params));
    }
}

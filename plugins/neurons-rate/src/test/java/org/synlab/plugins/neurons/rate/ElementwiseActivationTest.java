package org.synlab.plugins.neurons.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.synlab.api.Activation;

/** The expressions of every elementwise neuron, evaluated in double precision with the API's evaluator. */
class ElementwiseActivationTest {

    static Stream<ActivationCases> cases() {
        return ActivationCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void functionMatchesItsReference(ActivationCases c) {
        Activation.Elementwise a = c.activation();
        for (double x = -12; x <= 12; x += 0.25) {
            double at = x;
            assertEquals(c.reference().applyAsDouble(at), a.function().evaluate(v -> at), 1e-12, c + " at x = " + x);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivativeMatchesCentralFiniteDifferences(ActivationCases c) {
        Activation.Elementwise a = c.activation();
        double h = 1e-5;
        for (double x : c.smoothPoints()) {
            double numeric = (y(a, x + h) - y(a, x - h)) / (2 * h);
            double y = y(a, x);
            double analytic = a.derivative().evaluate(v -> v.equals("x") ? x : y);
            assertEquals(numeric, analytic, 1e-6, c + " at x = " + x);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parametersAreBoundSoOnlyXAndYRemain(ActivationCases c) {
        Activation.Elementwise a = c.activation();
        assertTrue(java.util.Set.of("x").containsAll(a.function().variables()), a.function().toString());
        assertTrue(java.util.Set.of("x", "y").containsAll(a.derivative().variables()), a.derivative().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesFollowTheConvention(ActivationCases c) {
        assertEquals(c.label(), c.neuron().name());
        assertTrue(c.neuron().name().matches("[a-z]+(-[a-z]+)*"));
        assertFalse(c.neuron().description().isBlank());
    }

    private static double y(Activation.Elementwise a, double x) {
        return a.function().evaluate(v -> x);
    }
}

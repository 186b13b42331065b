package org.synlab.examples.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.synlab.api.Activation;
import org.synlab.api.Params;
import org.synlab.api.expr.Expr;

/** Checks the two expressions with the API's double-precision evaluator; no backend needed. */
class SoftsignNeuronTest {

    private final Activation.Elementwise softsign =
            assertInstanceOf(Activation.Elementwise.class, new SoftsignNeuron().activation(Params.NONE));

    @Test
    void valuesAtKnownPoints() {
        assertEquals(0.0, y(0), 1e-12);
        assertEquals(0.5, y(1), 1e-12);
        assertEquals(-0.75, y(-3), 1e-12);
        assertEquals(0.999, y(999), 1e-12);  // approaches 1, never reaches it
    }

    @Test
    void derivativeMatchesFiniteDifferences() {
        double h = 1e-5;
        for (double x : new double[] {-5, -1.3, -0.2, 0.3, 1, 4.7}) {
            double numeric = (y(x + h) - y(x - h)) / (2 * h);
            assertEquals(numeric, dydx(x), 1e-8, "at x = " + x);
        }
    }

    private double y(double x) {
        return softsign.function().evaluate(name -> x);
    }

    private double dydx(double x) {
        Expr derivative = softsign.derivative();
        return derivative.evaluate(name -> name.equals("x") ? x : y(x));
    }
}

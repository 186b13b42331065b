package org.synlab.engine.internal.spiking;

import java.util.Map;
import org.synlab.api.eqs.Dimension;
import org.synlab.api.eqs.EquationException;
import org.synlab.api.eqs.Quantity;
import org.synlab.engine.BadInputException;
import org.synlab.engine.internal.Node;

/**
 * Reads physical quantities from an experiment file: a string with its unit ({@code 20 ms},
 * {@code 1.62 mV}, {@code -20*4.5/10*mV}), checked against the dimension the key needs and returned
 * in SI. A bare number is accepted only where the quantity is dimensionless, so that a forgotten unit
 * is an error rather than a value off by a factor of a thousand.
 */
final class Quantities {

    private static final Map<Dimension, String> EXAMPLES = Map.of(
            Dimension.TIME, "1 ms",
            Dimension.VOLTAGE, "1 mV",
            Dimension.CONDUCTANCE, "1 nS",
            Dimension.CURRENT, "1 nA",
            Dimension.FREQUENCY, "10 Hz",
            Dimension.RESISTANCE, "100 Mohm",
            Dimension.CAPACITANCE, "200 pF",
            Dimension.NONE, "0.5");

    private Quantities() {
    }

    /** The value of {@code node} in SI, which must be in {@code expected}. */
    static double si(Node node, Dimension expected) throws BadInputException {
        Object raw = node.raw();
        if (raw == null) {
            throw node.error("missing; " + expectation(expected));
        }
        if (raw instanceof Number n && !(raw instanceof Double d && d.isNaN())) {
            if (expected.isDimensionless()) {
                return n.doubleValue();
            }
            throw node.error(expectation(expected) + ", got the bare number " + raw + " (a number needs its unit)");
        }
        if (!(raw instanceof String text)) {
            throw node.error(expectation(expected) + ", got " + Node.describe(raw));
        }
        Quantity q = parse(node, text);
        if (!q.dimension().equals(expected)) {
            throw node.error(expectation(expected) + ", got '" + text + "' in " + q.dimension());
        }
        return q.value();
    }

    /** The value of {@code node} in milliseconds. */
    static double ms(Node node) throws BadInputException {
        return si(node, Dimension.TIME) * 1e3;
    }

    /** Parses a quantity, turning a syntax error into one that names the key. */
    static Quantity parse(Node node, String text) throws BadInputException {
        try {
            return Quantity.parse(text);
        } catch (EquationException e) {
            throw node.error("'" + text + "' is not a quantity (" + e.getMessage() + "); write a number and a unit"
                    + " such as '20 ms', or an expression such as '60*0.27/10*mV'");
        }
    }

    /** "expected a quantity in volt such as '1 mV'". */
    static String expectation(Dimension expected) {
        return "expected a quantity in " + expected + " such as '" + example(expected) + "'";
    }

    static String example(Dimension d) {
        return EXAMPLES.getOrDefault(d, "1 " + d);
    }
}

package org.synlab.engine.internal.spiking;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.synlab.api.eqs.Dimension;
import org.synlab.api.eqs.Quantity;
import org.synlab.engine.BadInputException;
import org.synlab.engine.internal.Node;
import org.synlab.spiking.Value;

/**
 * Reads values that may vary per neuron or per synapse: a constant quantity ({@code 1.62 mV}),
 * {@code {uniform: [low, high]}} or {@code {normal: [mean, sd]}} with quantities in the same unit,
 * and, for neuron parameters and initial values only, a list with one quantity per neuron, or
 * {@code {expr: "-65*mV + 15*mV*r**2"}}: an expression of {@code r}, one uniform draw on [0, 1) per
 * neuron shared by every expression of the population (Izhikevich 2003 draws one such number per
 * neuron for both c and d).
 */
final class Values {

    private static final Pattern R = Pattern.compile("\\br\\b");
    private static final List<String> DISTRIBUTIONS = List.of("uniform", "normal");
    private static final List<String> PER_NEURON = List.of("uniform", "normal", "expr");

    private Values() {
    }

    /** A per-neuron value, fixed by the seed. */
    sealed interface PerNeuron {
    }

    /** A constant or a distribution, in SI. */
    record Drawn(Value value) implements PerNeuron {
    }

    /** One SI value per neuron, as listed. */
    record Listed(double[] values, Node node) implements PerNeuron {
    }

    /** An expression of the population's per-neuron draw {@code r}, giving SI values. */
    record OfR(String text) implements PerNeuron {
        /** The value for draw {@code r}. */
        double at(double r) {
            return Quantity.parse(substitute(text, r)).value();
        }
    }

    /** A constant or distribution, converted from SI to the runtime's unit by dividing by {@code unit}. */
    static Value value(Node node, Dimension dimension, double unit) throws BadInputException {
        if (!node.isMap()) {
            return Value.constant(Quantities.si(node, dimension) / unit);
        }
        String kind = onlyKey(node, DISTRIBUTIONS);
        double[] pair = pair(node.get(kind), dimension, kind.equals("uniform") ? "[low, high]" : "[mean, sd]");
        try {
            return kind.equals("uniform") ? Value.uniform(pair[0] / unit, pair[1] / unit)
                    : Value.normal(pair[0] / unit, pair[1] / unit);
        } catch (IllegalArgumentException e) {
            throw node.get(kind).error(e.getMessage());
        }
    }

    /** A per-neuron value in SI: a constant, a distribution, a list, or an expression of {@code r}. */
    static PerNeuron perNeuron(Node node, Dimension dimension) throws BadInputException {
        if (node.raw() instanceof List<?>) {
            List<Node> items = node.asList();
            double[] values = new double[items.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Quantities.si(items.get(i), dimension);
            }
            return new Listed(values, node);
        }
        if (node.isMap() && node.asMap().containsKey("expr")) {
            onlyKey(node, PER_NEURON);
            Node expr = node.get("expr");
            String text = expr.string(null);
            Quantity probe = Quantities.parse(expr, substitute(text, 0.5));
            if (!probe.dimension().equals(dimension)) {
                throw expr.error("expected an expression of r in " + dimension + " such as '"
                        + Quantities.example(dimension).replace(" ", "*") + "*(1 + r)', got '" + text + "' in "
                        + probe.dimension());
            }
            return new OfR(text);
        }
        if (node.isMap()) {
            onlyKey(node, PER_NEURON);
        }
        return new Drawn(value(node, dimension, 1));
    }

    private static String onlyKey(Node node, List<String> allowed) throws BadInputException {
        Map<String, Object> map = node.asMap();
        if (map.size() != 1 || !allowed.contains(map.keySet().iterator().next())) {
            throw node.error("expected a quantity or one of {" + String.join(": ..., ", allowed) + ": ...}, got the keys "
                    + map.keySet());
        }
        return map.keySet().iterator().next();
    }

    private static double[] pair(Node node, Dimension dimension, String shape) throws BadInputException {
        List<Node> items = node.isMissing() ? List.of() : node.asList();
        if (items.size() != 2) {
            throw node.error("expected two quantities " + shape + " in " + dimension + ", got " + items.size());
        }
        return new double[] {Quantities.si(items.get(0), dimension), Quantities.si(items.get(1), dimension)};
    }

    private static String substitute(String text, double r) {
        return R.matcher(text).replaceAll("(" + new BigDecimal(r).toPlainString() + ")");
    }
}

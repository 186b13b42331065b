package org.synlab.api.eqs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synlab.api.ParameterException;

/**
 * Builds a {@link SpikingModel} from a declaration as an experiment file writes it (a map parsed
 * from YAML), so that a user can declare a neuron without Java:
 *
 * <pre>{@code
 * equations: |
 *   dv/dt = (El - v + R*I)/tau : volt (unless refractory)
 *   I : amp
 * threshold: v > vt
 * reset: v = El            # or a list of statements
 * refractory: 2 ms         # optional: a time or a condition
 * method: exponential_euler
 * parameters:
 *   El: -65 mV             # a quantity, a plain number (dimensionless),
 *   tau: {value: 10 ms, description: membrane time constant}
 * initial:
 *   v: El
 * }</pre>
 */
public final class SpikingModelReader {

    private static final Set<String> KEYS =
            Set.of("equations", "threshold", "reset", "refractory", "method", "parameters", "initial");

    private SpikingModelReader() {
    }

    /**
     * @param name        the model's name
     * @param declaration the keys above
     * @throws ParameterException naming a key that is unknown, missing or of the wrong shape
     * @throws EquationException  naming the part, line and column of an error in the texts
     */
    public static SpikingModel read(String name, Map<String, ?> declaration) {
        for (String key : declaration.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ParameterException(key, "unknown key '" + key + "' in the declaration of neuron model " + name
                        + "; known: equations, threshold, reset, refractory, method, parameters, initial");
            }
        }
        SpikingModel.Builder b = SpikingModel.builder(name)
                .equations(text(declaration, "equations", true))
                .threshold(text(declaration, "threshold", true));
        Object reset = declaration.get("reset");
        if (reset instanceof List<?> statements) {
            b.reset(String.join("\n", statements.stream().map(String::valueOf).toList()));
        } else if (reset != null) {
            b.reset(text(declaration, "reset", false));
        }
        if (declaration.containsKey("refractory")) {
            b.refractory(text(declaration, "refractory", false));
        }
        if (declaration.containsKey("method")) {
            b.method(text(declaration, "method", false));
        }
        for (Map.Entry<String, ?> p : map(declaration, "parameters").entrySet()) {
            String key = "parameters." + p.getKey();
            if (p.getValue() instanceof Map<?, ?> full) {
                Object value = full.get("value");
                if (value == null) {
                    throw new ParameterException(key, "parameter '" + p.getKey() + "' needs a 'value' such as '20 ms'");
                }
                Object description = full.get("description");
                b.parameter(p.getKey(), quantity(key, value), description == null ? "" : description.toString());
            } else {
                b.parameter(p.getKey(), quantity(key, p.getValue()), "");
            }
        }
        for (Map.Entry<String, ?> v : map(declaration, "initial").entrySet()) {
            b.initial(v.getKey(), quantity("initial." + v.getKey(), v.getValue()));
        }
        return b.build();
    }

    private static String text(Map<String, ?> declaration, String key, boolean required) {
        Object value = declaration.get(key);
        if (value == null) {
            if (required) {
                throw new ParameterException(key, "a neuron model needs '" + key + "'");
            }
            return null;
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw new ParameterException(key, "'" + key + "' must be text, got " + value);
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Map<String, ?> declaration, String key) {
        Object value = declaration.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new ParameterException(key, "'" + key + "' must be a map of names to values, got " + value);
        }
        return (Map<String, ?>) value;
    }

    private static String quantity(String key, Object value) {
        if (value instanceof String || value instanceof Number) {
            return value.toString();
        }
        throw new ParameterException(key, "'" + key + "' must be a quantity such as '20 ms' or a number, got " + value);
    }
}

package org.synlab.api;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a plugin part.
 *
 * @param name         the key in the experiment file
 * @param type         its value type
 * @param defaultValue used when the file does not give one; {@code null} makes the key required
 * @param unit         physical or logical unit ("1" for dimensionless, "ms", "Hz"...)
 * @param description  one line for documentation and error messages
 * @param min          inclusive lower bound for numbers, or {@code null}
 * @param max          inclusive upper bound for numbers, or {@code null}
 * @param choices      the allowed values of a TEXT parameter; empty means any string
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, String unit, String description,
                        Double min, Double max, List<String> choices) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        unit = unit == null ? "1" : unit;
        description = description == null ? "" : description;
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** Whether the file must give this key. */
    public boolean required() {
        return defaultValue == null;
    }

    /** What a valid value looks like, for error messages: "a number in [0, 1]". */
    public String expectation() {
        StringBuilder sb = new StringBuilder(type.description());
        if (!choices.isEmpty()) {
            sb.setLength(0);
            sb.append("one of ").append(String.join(", ", choices));
        }
        if (min != null && max != null) {
            sb.append(" in [").append(format(min)).append(", ").append(format(max)).append(']');
        } else if (min != null) {
            sb.append(" >= ").append(format(min));
        } else if (max != null) {
            sb.append(" <= ").append(format(max));
        }
        return sb.toString();
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}

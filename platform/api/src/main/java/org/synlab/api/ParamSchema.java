package org.synlab.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters a plugin part accepts. {@link #validate(Map)} turns the raw values of an experiment
 * file into {@link Params}, rejecting unknown keys, wrong types and out-of-range values before a run
 * starts.
 */
public final class ParamSchema {

    public static final ParamSchema EMPTY = new ParamSchema(List.of());

    private final Map<String, ParamSpec> specs;

    private ParamSchema(List<ParamSpec> specs) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("parameter declared twice: " + spec.name());
            }
        }
        this.specs = Map.copyOf(byName);
        this.order = List.copyOf(byName.keySet());
    }

    private final List<String> order;

    public static Builder builder() {
        return new Builder();
    }

    /** The parameters in declaration order. */
    public List<ParamSpec> specs() {
        return order.stream().map(specs::get).toList();
    }

    /** The spec of one key, or {@code null}. */
    public ParamSpec spec(String key) {
        return specs.get(key);
    }

    /** This schema plus the parameters of {@code other} (which must not repeat a key). */
    public ParamSchema with(ParamSchema other) {
        List<ParamSpec> all = new ArrayList<>(specs());
        all.addAll(other.specs());
        return new ParamSchema(all);
    }

    /**
     * Checks raw values (as parsed from YAML: Number, Boolean, String, List) and fills defaults.
     *
     * @throws ParameterException naming the first offending key and what was expected
     */
    public Params validate(Map<String, ?> raw) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            ParamSpec spec = specs.get(e.getKey());
            if (spec == null) {
                throw new ParameterException(e.getKey(), "unknown parameter '" + e.getKey() + "'; known: "
                        + (order.isEmpty() ? "(none)" : String.join(", ", order)));
            }
            values.put(spec.name(), convert(spec, e.getValue()));
        }
        for (String name : order) {
            ParamSpec spec = specs.get(name);
            if (!values.containsKey(name)) {
                if (spec.required()) {
                    throw new ParameterException(name, "missing required parameter '" + name + "': expected "
                            + spec.expectation());
                }
                values.put(name, spec.defaultValue());
            }
        }
        return new Params(values);
    }

    private static Object convert(ParamSpec spec, Object value) {
        Object converted = switch (spec.type()) {
            case NUMBER -> value instanceof Number n ? (Object) n.doubleValue() : null;
            case INTEGER -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? (Object) n.longValue() : null;
            case BOOLEAN -> value instanceof Boolean b ? b : null;
            case TEXT -> value instanceof String s && (spec.choices().isEmpty() || spec.choices().contains(s)) ? s : null;
            case NUMBER_LIST -> toNumbers(value);
        };
        if (converted == null) {
            throw new ParameterException(spec.name(), "parameter '" + spec.name() + "' must be " + spec.expectation()
                    + ", got " + describe(value));
        }
        checkRange(spec, converted);
        return converted;
    }

    private static List<Double> toNumbers(Object value) {
        if (!(value instanceof Collection<?> list)) {
            return null;
        }
        List<Double> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof Number n)) {
                return null;
            }
            out.add(n.doubleValue());
        }
        return List.copyOf(out);
    }

    private static void checkRange(ParamSpec spec, Object value) {
        List<Double> numbers = value instanceof Double d ? List.of(d)
                : value instanceof Long l ? List.of(l.doubleValue())
                : value instanceof List<?> list ? list.stream().map(o -> (Double) o).toList()
                : List.of();
        for (double d : numbers) {
            if (Double.isNaN(d) || (spec.min() != null && d < spec.min()) || (spec.max() != null && d > spec.max())) {
                throw new ParameterException(spec.name(), "parameter '" + spec.name() + "' must be "
                        + spec.expectation() + ", got " + describe(value));
            }
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return String.valueOf(value);
    }

    /** Declares parameters in the order documentation should list them. */
    public static final class Builder {
        private final List<ParamSpec> specs = new ArrayList<>();

        public Builder number(String name, Double defaultValue, String unit, Double min, Double max, String description) {
            specs.add(new ParamSpec(name, ParamType.NUMBER, defaultValue, unit, description, min, max, null));
            return this;
        }

        public Builder integer(String name, Long defaultValue, Long min, Long max, String description) {
            specs.add(new ParamSpec(name, ParamType.INTEGER, defaultValue, "1", description,
                    min == null ? null : min.doubleValue(), max == null ? null : max.doubleValue(), null));
            return this;
        }

        public Builder flag(String name, Boolean defaultValue, String description) {
            specs.add(new ParamSpec(name, ParamType.BOOLEAN, defaultValue, "1", description, null, null, null));
            return this;
        }

        public Builder text(String name, String defaultValue, List<String> choices, String description) {
            specs.add(new ParamSpec(name, ParamType.TEXT, defaultValue, "1", description, null, null, choices));
            return this;
        }

        public Builder numbers(String name, List<Double> defaultValue, String unit, String description) {
            specs.add(new ParamSpec(name, ParamType.NUMBER_LIST, defaultValue == null ? null : List.copyOf(defaultValue),
                    unit, description, null, null, null));
            return this;
        }

        public Builder add(ParamSpec spec) {
            specs.add(spec);
            return this;
        }

        public ParamSchema build() {
            return new ParamSchema(specs);
        }
    }
}

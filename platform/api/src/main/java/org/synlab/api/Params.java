package org.synlab.api;

import java.util.List;
import java.util.Map;

/** Validated parameter values of one plugin part, defaults filled in. Made by {@link ParamSchema#validate}. */
public final class Params {

    public static final Params NONE = new Params(Map.of());

    private final Map<String, Object> values;

    Params(Map<String, Object> values) {
        this.values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public double number(String key) {
        return ((Number) get(key)).doubleValue();
    }

    public long integer(String key) {
        return ((Number) get(key)).longValue();
    }

    public boolean flag(String key) {
        return (Boolean) get(key);
    }

    public String text(String key) {
        return (String) get(key);
    }

    @SuppressWarnings("unchecked")
    public List<Double> numbers(String key) {
        return (List<Double>) get(key);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** All values by key, in schema order. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object get(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + key + "' in " + values.keySet()
                    + ": the part must declare it in its ParamSchema");
        }
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

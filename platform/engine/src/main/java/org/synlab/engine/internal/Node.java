package org.synlab.engine.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synlab.engine.BadInputException;

/**
 * A value of the experiment document together with its dotted path, so every error names the file
 * and the exact key ({@code network.layers.1.units}) and says what was expected.
 */
public final class Node {

    private final Path file;
    private final String path;
    private final Object value;

    private Node(Path file, String path, Object value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    public static Node root(Path file, Map<String, Object> document) {
        return new Node(file, "", document);
    }

    public String path() {
        return path;
    }

    public Path file() {
        return file;
    }

    public Object raw() {
        return value;
    }

    public boolean isMissing() {
        return value == null;
    }

    public boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    public boolean isString() {
        return value instanceof String;
    }

    /** Child of a mapping; missing children are nodes whose value is null. */
    public Node get(String key) throws BadInputException {
        return new Node(file, join(key), asMap().get(key));
    }

    /**
     * The file this string value names, relative to the experiment file's folder (so an experiment can be run from
     * anywhere); null when the key is missing.
     */
    public Path resolvedPath() throws BadInputException {
        if (isMissing()) {
            return null;
        }
        String text = string(null);
        try {
            Path folder = file() == null ? Path.of("") : file().toAbsolutePath().getParent();
            return folder.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw error("not a valid path: " + e.getMessage());
        }
    }

    public BadInputException error(String problem) {
        return new BadInputException(file, path, problem);
    }

    /** The mapping, after checking that every key is one of {@code known}. */
    public Map<String, Object> mapWithKeys(Collection<String> known) throws BadInputException {
        Map<String, Object> map = asMap();
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new BadInputException(file, join(key), "unknown key; expected one of " + String.join(", ", known));
            }
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() throws BadInputException {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw error("expected a mapping of keys, got " + describe(value));
        }
        return (Map<String, Object>) m;
    }

    public List<Node> asList() throws BadInputException {
        if (!(value instanceof List<?> list)) {
            throw error("expected a list, got " + describe(value));
        }
        List<Node> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(new Node(file, join(Integer.toString(i)), list.get(i)));
        }
        return out;
    }

    public String string(String fallback) throws BadInputException {
        if (value == null) {
            if (fallback == null) {
                throw error("missing; expected a string");
            }
            return fallback;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw error("expected a non-empty string, got " + describe(value));
        }
        return s;
    }

    public long integer(Long fallback, long min, long max) throws BadInputException {
        if (value == null) {
            if (fallback == null) {
                throw error("missing; expected an integer in [" + min + ", " + max + "]");
            }
            return fallback;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw error("expected an integer, got " + describe(value));
        }
        long v = n.longValue();
        if (v < min || v > max) {
            throw error("expected an integer in [" + min + ", " + (max == Long.MAX_VALUE ? "inf" : max) + "], got " + v);
        }
        return v;
    }

    public double number(Double fallback, double min, double max) throws BadInputException {
        if (value == null) {
            if (fallback == null) {
                throw error("missing; expected a number");
            }
            return fallback;
        }
        if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
            throw error("expected a number, got " + describe(value));
        }
        double v = n.doubleValue();
        if (v < min || v > max) {
            throw error("expected a number in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    public boolean flag(boolean fallback) throws BadInputException {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw error("expected true or false, got " + describe(value));
        }
        return b;
    }

    /** A list of numbers as float32. */
    public float[] floats() throws BadInputException {
        List<Node> items = asList();
        float[] out = new float[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) items.get(i).number(null, -Double.MAX_VALUE, Double.MAX_VALUE);
        }
        return out;
    }

    /**
     * A reference to a plugin part: either its name ({@code neuron: relu}) or a mapping with
     * {@code name} and the part's parameters ({@code neuron: {name: leaky-relu, alpha: 0.1}}).
     */
    public PartSpec part() throws BadInputException {
        if (value instanceof String) {
            return new PartSpec(string(null), Map.of(), this);
        }
        if (value instanceof Map<?, ?>) {
            Map<String, Object> params = new LinkedHashMap<>(asMap());
            Object name = params.remove("name");
            if (name == null) {
                throw error("expected a plugin name, or a mapping with 'name' and parameters");
            }
            get("name").string(null);
            return new PartSpec((String) name, params, this);
        }
        throw error(value == null ? "missing; expected a plugin name" : "expected a plugin name, got " + describe(value));
    }

    /** A part given by one key ({@code rule}) of a mapping whose other keys are its parameters. */
    public PartSpec partWithSiblings(String nameKey, Set<String> otherKeys) throws BadInputException {
        Map<String, Object> params = new LinkedHashMap<>(asMap());
        String name = get(nameKey).string(null);
        params.remove(nameKey);
        otherKeys.forEach(params::remove);
        return new PartSpec(name, params, this);
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        return v.toString();
    }

    /**
     * A plugin name with raw parameters, and the node that gave it (for error paths).
     *
     * @param name   the part's name
     * @param params raw parameter values, validated later against the part's schema
     * @param node   where in the file it was declared
     */
    public record PartSpec(String name, Map<String, Object> params, Node node) {
        /** The dotted key of one of its parameters, for error messages. */
        public String paramPath(String key) {
            return node.path().isEmpty() ? key : node.path() + "." + key;
        }
    }
}

package org.synlab.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an experiment file and applies {@code dotted.key=value} overrides. */
public final class ExperimentLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ExperimentLoader() {
    }

    /**
     * @param overrides {@code key=value} strings; the value is read as YAML, so {@code 0.05},
     *                  {@code true} and {@code [1, 2]} keep their types
     * @throws BadInputException for a missing or malformed file, a malformed override, or a top level
     *                           that is not a mapping
     */
    public static Experiment load(Path file, List<String> overrides) throws BadInputException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, "no such file");
        } catch (IOException e) {
            throw new BadInputException(file, null, "cannot read the file: " + e.getMessage());
        }
        Map<String, Object> config = parseDocument(file, text);
        for (String override : overrides) {
            applyOverride(file, config, override);
        }
        String name = stringOr(file, config, "experiment", baseName(file));
        long seed = seedOf(file, config);
        return new Experiment(file, name, seed, config, overrides);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseDocument(Path file, String text) throws BadInputException {
        Object doc;
        try {
            doc = YAML.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new BadInputException(file, null, "malformed YAML" + where + ": " + oneLine(e.getOriginalMessage()));
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new BadInputException(file, null, "expected a YAML mapping of keys (experiment, dataset, network, "
                    + "learning, training...) at the top level, got " + (doc == null ? "an empty document" : "a "
                    + doc.getClass().getSimpleName()));
        }
        return deepCopy((Map<String, Object>) map);
    }

    /**
     * SnakeYAML's messages span lines: its sentences start at the margin, while the position
     * ("in 'reader', line...") and the quoted snippet with its caret are indented. The CLI prints
     * one line, so keep the sentences (the position is reported separately).
     */
    private static String oneLine(String message) {
        return message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip)
                .reduce((a, b) -> a + "; " + b)
                .orElse(message.strip());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), copyValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(e -> out.add(copyValue(e)));
            return out;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static void applyOverride(Path file, Map<String, Object> config, String override) throws BadInputException {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new BadInputException(file, override, "an override must look like key=value (e.g. learning.lr=0.05)");
        }
        String key = override.substring(0, eq).trim();
        String rawValue = override.substring(eq + 1);
        Object value;
        try {
            value = rawValue.isBlank() ? "" : YAML.readValue(rawValue, Object.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, key, "the override value '" + rawValue + "' is not valid YAML: "
                    + e.getOriginalMessage());
        }
        String[] path = key.split("\\.");
        Object node = config;
        for (int i = 0; i < path.length; i++) {
            String part = path[i];
            boolean last = i == path.length - 1;
            String soFar = String.join(".", java.util.Arrays.copyOf(path, i + 1));
            if (part.isEmpty()) {
                throw new BadInputException(file, key, "empty segment in the dotted key");
            }
            if (node instanceof Map<?, ?> m) {
                Map<String, Object> map = (Map<String, Object>) m;
                if (last) {
                    map.put(part, copyValue(value));
                } else {
                    Object child = map.get(part);
                    if (child == null) {
                        child = new LinkedHashMap<String, Object>();
                        map.put(part, child);
                    } else if (child instanceof String s) {
                        // "neuron: relu" overridden as neuron.alpha=0.1: the short form becomes {name: relu}
                        Map<String, Object> expanded = new LinkedHashMap<>();
                        expanded.put("name", s);
                        map.put(part, expanded);
                        child = expanded;
                    }
                    node = child;
                }
            } else if (node instanceof List<?> l) {
                List<Object> list = (List<Object>) l;
                int index;
                try {
                    index = Integer.parseInt(part);
                } catch (NumberFormatException e) {
                    throw new BadInputException(file, soFar, "this value is a list; index it with a number (0 to "
                            + (list.size() - 1) + ")");
                }
                if (index < 0 || index >= list.size()) {
                    throw new BadInputException(file, soFar, "index out of range: the list has " + list.size()
                            + " element(s)");
                }
                if (last) {
                    list.set(index, copyValue(value));
                } else {
                    node = list.get(index);
                }
            } else {
                String scalar = String.join(".", java.util.Arrays.copyOf(path, i));
                throw new BadInputException(file, scalar, "is a single value (" + node + "); it has no key '" + part + "'");
            }
        }
    }

    private static String stringOr(Path file, Map<String, Object> config, String key, String fallback)
            throws BadInputException {
        Object v = config.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw new BadInputException(file, key, "expected a non-empty string, got " + v);
        }
        return s;
    }

    private static long seedOf(Path file, Map<String, Object> config) throws BadInputException {
        Object v = config.get("seed");
        if (v == null) {
            return 1;
        }
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        throw new BadInputException(file, "seed", "expected an integer, got " + v);
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}

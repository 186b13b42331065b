package org.synlab.host.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The experiment as run, as YAML text (the file's comments are gone, the overrides are in), and
 * back as flat {@code dotted.key -> value} pairs, which is how {@code compare} lines runs up.
 */
public final class ExperimentText {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ExperimentText() {
    }

    static String yaml(Map<String, Object> config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the experiment cannot be written as YAML: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@code training.epochs -> 20}, {@code network.layers[0].units -> 4}: every scalar of the
     * document under its path, sorted. An empty map for null or unreadable text.
     */
    public static Map<String, String> flatten(String yaml) {
        Map<String, String> flat = new TreeMap<>();
        if (yaml == null || yaml.isBlank()) {
            return flat;
        }
        Object doc;
        try {
            doc = YAML.readValue(yaml, Object.class);
        } catch (JsonProcessingException e) {
            return flat;
        }
        flatten("", doc, flat);
        return flat;
    }

    private static void flatten(String path, Object node, Map<String, String> flat) {
        switch (node) {
            case Map<?, ?> map when !map.isEmpty() -> new LinkedHashMap<>(map).forEach((k, v) ->
                    flatten(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, flat));
            case List<?> list when !list.isEmpty() -> {
                for (int i = 0; i < list.size(); i++) {
                    flatten(path + "[" + i + "]", list.get(i), flat);
                }
            }
            case Map<?, ?> _ -> flat.put(path, "{}");
            case List<?> _ -> flat.put(path, "[]");
            case null -> flat.put(path, "~");
            default -> flat.put(path, String.valueOf(node));
        }
    }
}

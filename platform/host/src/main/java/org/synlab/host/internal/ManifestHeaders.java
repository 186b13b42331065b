package org.synlab.host.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits OSGi manifest headers such as {@code Export-Package} into clauses. A small parser of its
 * own because the host must not depend on bnd, and a naive split on commas breaks on quoted
 * directives like {@code uses:="a,b"}.
 */
final class ManifestHeaders {

    /** One clause: the paths it names (packages) and its attributes (directives are dropped). */
    record Clause(List<String> paths, Map<String, String> attributes) {
    }

    private ManifestHeaders() {
    }

    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : splitOutsideQuotes(header, ',')) {
            List<String> paths = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String part : splitOutsideQuotes(clause, ';')) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int directive = p.indexOf(":=");
                int eq = p.indexOf('=');
                if (directive >= 0 && directive < eq) {
                    continue;
                }
                if (eq < 0) {
                    paths.add(p);
                } else {
                    attributes.put(p.substring(0, eq).trim(), unquote(p.substring(eq + 1).trim()));
                }
            }
            if (!paths.isEmpty()) {
                clauses.add(new Clause(List.copyOf(paths), Map.copyOf(attributes)));
            }
        }
        return clauses;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}

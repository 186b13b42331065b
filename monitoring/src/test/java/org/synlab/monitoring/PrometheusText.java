package org.synlab.monitoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for the tests: it rejects what
 * Prometheus would reject (bad names, bad escapes, a TYPE after its samples or twice, a family split
 * in two, a duplicate series, a value that is not a number) instead of skipping it.
 */
final class PrometheusText {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final List<String> SUFFIXES = List.of("", "_total", "_created", "_bucket", "_sum", "_count");

    final Map<String, String> types = new HashMap<>();
    final Map<String, String> help = new HashMap<>();
    final List<Sample> samples = new ArrayList<>();

    static PrometheusText parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a line feed");
        }
        PrometheusText out = new PrometheusText();
        Set<String> closedFamilies = new HashSet<>();
        Set<String> seriesSeen = new HashSet<>();
        String currentFamily = null;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + lineNo + ": " + line;
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("TYPE") || parts[1].equals("HELP"))) {
                    String name = parts[2];
                    require(METRIC.matcher(name).matches(), "bad metric name", where);
                    if (parts[1].equals("TYPE")) {
                        require(parts.length == 4 && TYPES.contains(parts[3]), "bad type", where);
                        require(!out.types.containsKey(name), "second TYPE for " + name, where);
                        require(out.samples.stream().noneMatch(s -> family(s.name(), out.types).equals(name)), "TYPE after samples", where);
                        out.types.put(name, parts[3]);
                    } else {
                        require(!out.help.containsKey(name), "second HELP for " + name, where);
                        out.help.put(name, parts.length == 4 ? unescape(parts[3], false, where) : "");
                    }
                }
                continue;
            }
            Sample s = sample(line, where);
            String fam = family(s.name(), out.types);
            if (!fam.equals(currentFamily)) {
                require(!closedFamilies.contains(fam), "family " + fam + " split in two", where);
                if (currentFamily != null) {
                    closedFamilies.add(currentFamily);
                }
                currentFamily = fam;
            }
            require(seriesSeen.add(s.name() + s.labels()), "duplicate series", where);
            out.samples.add(s);
        }
        return out;
    }

    /** The family a sample belongs to: its own name if typed, else its name without a known suffix. */
    private static String family(String sample, Map<String, String> types) {
        for (String suffix : SUFFIXES) {
            if (sample.endsWith(suffix)) {
                String base = sample.substring(0, sample.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return sample;
    }

    private static Sample sample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        require(METRIC.matcher(name).matches(), "bad metric name", where);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                require(eq > i, "label without =", where);
                String label = line.substring(i, eq);
                require(LABEL.matcher(label).matches(), "bad label name " + label, where);
                require(line.charAt(eq + 1) == '"', "label value not quoted", where);
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; ; j++) {
                    require(j < line.length(), "unterminated label value", where);
                    char c = line.charAt(j);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        j++;
                        char e = line.charAt(j);
                        require(e == '\\' || e == '"' || e == 'n', "bad escape \\" + e, where);
                        value.append(e == 'n' ? '\n' : e);
                    } else {
                        value.append(c);
                    }
                }
                require(labels.put(label, value.toString()) == null, "label " + label + " twice", where);
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        require(i < line.length() && line.charAt(i) == ' ', "no space before the value", where);
        String[] rest = line.substring(i + 1).split(" ");
        require(rest.length == 1 || rest.length == 2, "expected a value and an optional timestamp", where);
        if (rest.length == 2) {
            Long.parseLong(rest[1]);
        }
        return new Sample(name, labels, value(rest[0], where));
    }

    private static double value(String v, String where) {
        switch (v) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                require(v.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"), "bad value " + v, where);
                return Double.parseDouble(v);
        }
    }

    private static String unescape(String s, boolean quotes, String where) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                require(i + 1 < s.length(), "dangling backslash", where);
                char e = s.charAt(++i);
                require(e == '\\' || e == 'n' || (quotes && e == '"'), "bad escape \\" + e, where);
                b.append(e == 'n' ? '\n' : e);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void require(boolean ok, String what, String where) {
        if (!ok) {
            throw new IllegalArgumentException(what + " (" + where + ")");
        }
    }

    /** The one sample with this name and exactly these labels. */
    double value(String name, Map<String, String> labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples " + name + labels + "; have "
                    + samples.stream().map(s -> s.name() + s.labels()).filter(n -> n.startsWith(name)).toList());
        }
        return found.getFirst().value();
    }
}

package dev.shoal.datastores.cassandra.guest;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A configuration group's values as the last part of a node's cassandra.yaml (Cassandra has no include): the part
 * Shoal generates comes first and stays authoritative, so a value for a setting it already has is left out rather
 * than repeated (with a duplicate key the last one would win).
 */
final class CassandraOverridesYaml {

    static final String MARKER = "# --- configuration group values; everything above is Shoal's own ---";
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Set<String> PLAIN = Set.of("true", "false");

    private CassandraOverridesYaml() {
    }

    /** @return the generated part of {@code yaml} followed by the group's values, sorted by name */
    static String render(String yaml, Map<String, String> values) {
        String generated = generated(yaml);
        Set<String> own = keys(generated);
        StringBuilder out = new StringBuilder(generated);
        if (!generated.isEmpty() && !generated.endsWith("\n")) {
            out.append('\n');
        }
        Map<String, String> kept = new TreeMap<>(values);
        kept.keySet().removeAll(own);
        if (kept.isEmpty()) {
            return out.toString();
        }
        out.append(MARKER).append('\n');
        kept.forEach((name, value) -> out.append(name).append(": ").append(scalar(name, value)).append('\n'));
        return out.toString();
    }

    /** The group's values a rendered file holds, as the group gave them (no units), by name. */
    static Map<String, String> values(String yaml) {
        int marker = yaml.indexOf(MARKER);
        if (marker < 0) {
            return Map.of();
        }
        Map<String, String> values = new TreeMap<>();
        yaml.substring(marker + MARKER.length()).lines().filter(line -> line.contains(": ")).forEach(line -> {
            String name = line.substring(0, line.indexOf(": "));
            String value = line.substring(line.indexOf(": ") + 2);
            values.put(name, unscalar(name, value));
        });
        return values;
    }

    static String generated(String yaml) {
        int marker = yaml.indexOf(MARKER);
        return marker < 0 ? yaml : yaml.substring(0, marker);
    }

    /** Top-level keys only: nested ones (a seed provider's parameters) are indented. */
    static Set<String> keys(String yaml) {
        return yaml.lines().filter(line -> !line.isEmpty() && Character.isLetter(line.charAt(0))
                        && line.contains(":"))
                .map(line -> line.substring(0, line.indexOf(':')).strip()).collect(Collectors.toSet());
    }

    private static String scalar(String name, String value) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a cassandra.yaml setting: " + name);
        }
        String stripped = value.strip();
        return CassandraParameter.of(name).map(parameter -> parameter.yamlValue(stripped))
                .orElseGet(() -> NUMBER.matcher(stripped).matches() || PLAIN.contains(stripped) ? stripped
                        : "'" + stripped.replace("'", "''") + "'");
    }

    private static String unscalar(String name, String value) {
        String unit = CassandraParameter.of(name).map(CassandraParameter::unit).orElse("");
        String plain = !unit.isEmpty() && value.endsWith(unit) ? value.substring(0, value.length() - unit.length())
                : value;
        return plain.length() >= 2 && plain.startsWith("'") && plain.endsWith("'")
                ? plain.substring(1, plain.length() - 1).replace("''", "'") : plain;
    }
}

package dev.shoal.api.configuration;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.domain.configuration.ParameterDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks configuration values against the datastore version's parameter metadata: unknown, read-only, mistyped,
 * out-of-range and disallowed values are all reported at once, each naming its parameter (422).
 */
final class ParameterRules {

    private ParameterRules() {
    }

    /** @return the values as the text the datastore gets, by name */
    static Map<String, String> validate(Map<String, Object> values, Map<String, ParameterDefinition> definitions) {
        values.forEach((name, value) -> {
            // the column's size, whatever the parameter: a value no datastore takes is still not cut short
            if (value instanceof String text && text.length() > ConfigurationTexts.MAX_VALUE) {
                throw ApiException.invalid("configuration.values." + name, "must be at most "
                        + ConfigurationTexts.MAX_VALUE + " characters");
            }
        });
        Map<String, String> valid = new TreeMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        values.forEach((name, value) -> {
            String field = "values." + name;
            ParameterDefinition definition = definitions.get(name);
            if (definition == null || definition.isHidden()) {
                problems.add(new FieldProblem(field, "is not a parameter of this datastore version"));
            } else if (definition.isReadOnly()) {
                problems.add(new FieldProblem(field, "is read-only: Shoal sets it"));
            } else {
                String problem = check(definition, value);
                if (problem == null) {
                    valid.put(name, text(definition, value));
                } else {
                    problems.add(new FieldProblem(field, problem));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw ApiException.inconsistent(problems.size() == 1 ? problems.get(0).field() + ": "
                    + problems.get(0).message() : problems.size() + " configuration values are refused", problems);
        }
        return valid;
    }

    /** Stored values as JSON shows them: numbers and flags typed as their parameters are, as Trove answers. */
    static Map<String, Object> typed(Map<String, String> stored, Map<String, ParameterDefinition> definitions) {
        Map<String, Object> shown = new TreeMap<>();
        stored.forEach((name, value) -> {
            ParameterDefinition definition = definitions.get(name);
            String type = definition == null ? "string" : definition.getType();
            shown.put(name, switch (type) {
                case "integer" -> integer(value);
                case "boolean" -> bool(value);
                default -> value;
            });
        });
        return shown;
    }

    private static String check(ParameterDefinition definition, Object value) {
        if (value == null) {
            return "needs a value";
        }
        return switch (definition.getType()) {
            case "integer" -> {
                Long number = integer(value);
                if (number == null) {
                    yield "must be a whole number";
                }
                if (definition.getMinValue() != null && number < definition.getMinValue()
                        || definition.getMaxValue() != null && number > definition.getMaxValue()) {
                    yield "must be between " + definition.getMinValue() + " and " + definition.getMaxValue();
                }
                yield null;
            }
            case "boolean" -> bool(value) == null ? "must be true or false" : null;
            default -> !(value instanceof String text) ? "must be a string"
                    : !definition.getAllowedValues().isEmpty() && !definition.getAllowedValues().contains(text)
                    ? "must be one of " + definition.getAllowedValues() : null;
        };
    }

    private static String text(ParameterDefinition definition, Object value) {
        return switch (definition.getType()) {
            case "integer" -> Long.toString(integer(value));
            case "boolean" -> bool(value).toString();
            default -> value.toString();
        };
    }

    private static Long integer(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        if (value instanceof String text && text.strip().matches("-?[0-9]{1,18}")) {
            return Long.parseLong(text.strip());
        }
        return null;
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> null;
        };
    }
}

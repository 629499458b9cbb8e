package dev.shoal.api.log;

import dev.shoal.api.system.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Trove's log action body, as python-troveclient sends it: {@code {"name": "slow_query", "enable": 1}}, each action a
 * flag (1 or {@code true}); none is a show. Enable and disable exclude each other; discard and publish go together
 * (the old parts go first).
 */
record LogActionRequest(String name, JsonNode enable, JsonNode disable, JsonNode publish, JsonNode discard) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** What was asked, in the order it is done. */
    record Asked(String name, boolean enable, boolean disable, boolean discard, boolean publish) {

        boolean onlyShown() {
            return !enable && !disable && !discard && !publish;
        }
    }

    /** @throws ApiException 400 naming the field that is missing or malformed */
    Asked validated() {
        if (name == null || name.isBlank()) {
            throw ApiException.invalid("name", "is required: the log to act on");
        }
        if (!NAME.matcher(name).matches()) {
            throw ApiException.invalid("name", "is no log name: lower-case letters, digits and underscores, at most"
                    + " 64");
        }
        List<String> malformed = new ArrayList<>();
        boolean enabled = flag("enable", enable, malformed);
        boolean disabled = flag("disable", disable, malformed);
        boolean published = flag("publish", publish, malformed);
        boolean discarded = flag("discard", discard, malformed);
        if (!malformed.isEmpty()) {
            throw ApiException.invalid(malformed.get(0), "is a flag: 1, 0, true or false");
        }
        if (enabled && disabled) {
            throw ApiException.inconsistent("a log is either enabled or disabled, not both", List.of(
                    new ApiException.FieldProblem("enable", "cannot go with disable"),
                    new ApiException.FieldProblem("disable", "cannot go with enable")));
        }
        return new Asked(name, enabled, disabled, discarded, published);
    }

    private static boolean flag(String field, JsonNode value, List<String> malformed) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && (value.intValue() == 0 || value.intValue() == 1)) {
            return value.intValue() == 1;
        }
        malformed.add(field);
        return false;
    }
}

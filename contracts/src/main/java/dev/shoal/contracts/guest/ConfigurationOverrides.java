package dev.shoal.contracts.guest;

import java.util.List;
import java.util.Map;

/**
 * A configuration group's values for a node's datastore.
 *
 * @param values  the values to run with
 * @param managed every parameter configuration groups may set: one of them without a value returns to the
 *                datastore's own setting
 */
public record ConfigurationOverrides(Map<String, String> values, List<String> managed) {

    public ConfigurationOverrides {
        values = values == null ? Map.of() : Map.copyOf(values);
        managed = managed == null ? List.of() : List.copyOf(managed);
    }
}

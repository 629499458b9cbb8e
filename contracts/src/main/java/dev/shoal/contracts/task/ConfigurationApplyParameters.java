package dev.shoal.contracts.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.UUID;

/**
 * What an instance, or a cluster's nodes, ran with before a configuration was applied, kept in the apply's task so that
 * cancelling the apply puts it back: the group they had (none when null) and the values their nodes were given.
 */
public record ConfigurationApplyParameters(
        @JsonProperty("previous_configuration_id") UUID previousConfigurationId,
        @JsonProperty("previous_values") Map<String, String> previousValues) {

    public ConfigurationApplyParameters {
        previousValues = previousValues == null ? Map.of() : Map.copyOf(previousValues);
    }
}

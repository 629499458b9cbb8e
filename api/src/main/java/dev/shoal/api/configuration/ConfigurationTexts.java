package dev.shoal.api.configuration;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ColumnSizes;

/**
 * A group's name, description and values fit their columns ({@code configurations.name}, {@code .description},
 * {@code configuration_values.value}).
 */
final class ConfigurationTexts {

    static final int MAX_NAME = ColumnSizes.NAME;
    static final int MAX_DESCRIPTION = ColumnSizes.DESCRIPTION;
    static final int MAX_VALUE = ColumnSizes.CONFIGURATION_VALUE;

    private ConfigurationTexts() {
    }

    static void check(ConfigurationRequests.Body body) {
        if (body.name() != null && body.name().length() > MAX_NAME) {
            throw ApiException.invalid("configuration.name", "must be at most " + MAX_NAME + " characters");
        }
        if (body.description() != null && body.description().length() > MAX_DESCRIPTION) {
            throw ApiException.invalid("configuration.description",
                    "must be at most " + MAX_DESCRIPTION + " characters");
        }
    }
}

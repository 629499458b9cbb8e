package dev.shoal.api.configuration;

import dev.shoal.api.system.ApiException;

/** A group's name and description fit their columns ({@code configurations.name}, {@code .description}). */
final class ConfigurationTexts {

    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 1024;

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

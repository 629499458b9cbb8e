package dev.shoal.contracts.guest;

import java.util.List;
import java.util.Map;

/**
 * What applying overrides achieved.
 *
 * @param restartRequired parameters that take effect only after a restart (the configuration file has them)
 * @param running         the values the datastore runs with now, for every managed parameter
 */
public record AppliedConfiguration(List<String> restartRequired, Map<String, String> running) {

    public AppliedConfiguration {
        restartRequired = restartRequired == null ? List.of() : List.copyOf(restartRequired);
        running = running == null ? Map.of() : Map.copyOf(running);
    }
}

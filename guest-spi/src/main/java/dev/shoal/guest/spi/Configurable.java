package dev.shoal.guest.spi;

import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ConfigurationOverrides;

/** A datastore that runs with a configuration group's values. */
public interface Configurable {

    /**
     * Writes the values to the datastore's configuration and applies them live where the datastore can; the rest
     * waits for a restart.
     */
    AppliedConfiguration applyOverrides(ConfigurationOverrides overrides) throws Exception;
}

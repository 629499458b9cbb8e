package dev.shoal.api.system;

import java.util.Optional;
import java.util.UUID;

/** Ids as requests carry them: text that is no UUID names nothing, rather than failing the request. */
public final class Uuids {

    private Uuids() {
    }

    public static Optional<UUID> parse(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}

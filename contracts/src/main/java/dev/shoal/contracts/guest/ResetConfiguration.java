package dev.shoal.contracts.guest;

/**
 * Trove's {@code reset_configuration} after a flavor change: the datastore's base configuration sized for the new
 * flavor's memory. The guest answers with the cache size the server then runs with.
 */
public record ResetConfiguration(int memoryMb) {

    /** @param bufferPoolBytes what the server runs with once resized, as it reports it */
    public record Resized(long bufferPoolBytes) {
    }
}

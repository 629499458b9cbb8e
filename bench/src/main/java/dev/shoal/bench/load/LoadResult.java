package dev.shoal.bench.load;

/**
 * A timed phase of HTTP requests.
 *
 * @param requestsPerSecond answered requests (any status) per second of the phase
 * @param failed            requests that failed or answered other than 2xx, or (at a constant rate) were never sent
 * @param connections       TCP connections to the server open at the phase's end
 */
public record LoadResult(double requestsPerSecond, LatencySummary latency, long failed, int connections) {

    /** A phase where more than one request in a hundred failed measured errors, not the service. */
    public LoadResult requireSuccess(String what) {
        long total = latency.count();
        if (total == 0 || failed * 100 > total) {
            throw new IllegalStateException(what + ": " + failed + " of " + total + " requests failed");
        }
        return this;
    }
}

package dev.shoal.bench.load;

/** Milliseconds. */
public record LatencySummary(int count, double mean, double p50, double p99, double max) {
}

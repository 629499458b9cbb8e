package dev.shoal.bench.load;

import java.util.Arrays;

/**
 * Latencies of one timed phase, in nanoseconds, summarised once it is over. Each thread records into its own, so
 * recording costs no synchronisation; {@link #merge} joins them.
 */
public final class Latencies {

    private long[] values = new long[1024];
    private int count;

    public void record(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.count; i++) {
                all.record(part.values[i]);
            }
        }
        return all;
    }

    public int count() {
        return count;
    }

    /** Nearest-rank percentiles over everything recorded, in milliseconds. */
    public LatencySummary summary() {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        double mean = count == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6;
        return new LatencySummary(count, mean, percentile(sorted, 50), percentile(sorted, 99),
                count == 0 ? Double.NaN : sorted[count - 1] / 1e6);
    }

    static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}

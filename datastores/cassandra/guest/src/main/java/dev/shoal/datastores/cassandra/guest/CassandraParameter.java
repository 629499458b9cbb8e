package dev.shoal.datastores.cassandra.guest;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A cassandra.yaml setting configuration groups may set, and how the running server shows it: groups carry plain
 * numbers in the setting's unit, Cassandra 5.0's yaml wants the unit written out ({@code 64MiB/s}).
 *
 * @param name          the cassandra.yaml name
 * @param unit          what the yaml appends to the number ({@code MiB/s}, {@code ms}), empty for counts
 * @param liveAttribute the read-write StorageService attribute that changes it at run time, or null when Cassandra
 *                      reads it only at start
 * @param stage         for a stage size, the thread pool whose size is the running value
 * @param defaultValue  Cassandra 5.0's own value, which a setting leaving the group returns to
 */
record CassandraParameter(String name, String unit, String liveAttribute, String stage, String defaultValue) {

    private static final Map<String, CassandraParameter> KNOWN = Stream.of(
            live("compaction_throughput", "MiB/s", "CompactionThroughputMbPerSec", "64"),
            live("stream_throughput_outbound", "MiB/s", "StreamThroughputMebibytesPerSec", "24"),
            live("read_request_timeout", "ms", "ReadRpcTimeout", "5000"),
            live("write_request_timeout", "ms", "WriteRpcTimeout", "2000"),
            live("range_request_timeout", "ms", "RangeRpcTimeout", "10000"),
            // StorageService.setConcurrency resizes a stage, but leaves the setting itself (what
            // system_views.settings shows) as it was: only a restart changes both
            new CassandraParameter("concurrent_reads", "", null, "ReadStage", "32"),
            new CassandraParameter("concurrent_writes", "", null, "MutationStage", "32"))
            .collect(Collectors.toUnmodifiableMap(CassandraParameter::name, Function.identity()));

    static Optional<CassandraParameter> of(String name) {
        return Optional.ofNullable(KNOWN.get(name));
    }

    boolean isLive() {
        return liveAttribute != null;
    }

    /** The number as cassandra.yaml takes it. */
    String yamlValue(String value) {
        return value.strip() + unit;
    }

    private static CassandraParameter live(String name, String unit, String attribute, String defaultValue) {
        return new CassandraParameter(name, unit, attribute, null, defaultValue);
    }
}

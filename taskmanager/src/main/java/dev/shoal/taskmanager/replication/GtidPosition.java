package dev.shoal.taskmanager.replication;

import java.util.Map;
import java.util.TreeMap;

/**
 * A MariaDB GTID position, {@code domain-server-sequence} for each replication domain, e.g. {@code 0-1-42,1-3-7}.
 * Within a domain the sequence number alone orders transactions, whichever server wrote them.
 */
record GtidPosition(Map<Long, Long> sequenceByDomain) {

    GtidPosition {
        sequenceByDomain = Map.copyOf(sequenceByDomain);
    }

    /** @throws IllegalArgumentException when {@code text} is not a GTID position */
    static GtidPosition parse(String text) {
        Map<Long, Long> sequences = new TreeMap<>();
        if (text != null && !text.isBlank()) {
            for (String gtid : text.strip().split("\\s*,\\s*")) {
                String[] parts = gtid.split("-");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("not a GTID: '" + gtid + "' in '" + text + "'");
                }
                try {
                    sequences.merge(Long.parseLong(parts[0]), Long.parseLong(parts[2]), Math::max);
                    Long.parseLong(parts[1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a GTID: '" + gtid + "' in '" + text + "'");
                }
            }
        }
        return new GtidPosition(sequences);
    }

    /** Every transaction {@code other} names is also here, domain by domain. */
    boolean includes(GtidPosition other) {
        return other.sequenceByDomain.entrySet().stream()
                .allMatch(e -> sequenceByDomain.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /** Transactions counted over all domains: a tie-breaker when neither of two positions includes the other. */
    long transactions() {
        return sequenceByDomain.values().stream().mapToLong(Long::longValue).sum();
    }
}

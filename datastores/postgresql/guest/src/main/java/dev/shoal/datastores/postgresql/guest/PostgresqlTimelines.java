package dev.shoal.datastores.postgresql.guest;

import java.util.HashMap;
import java.util.Map;

/**
 * A primary's timeline and where each timeline before it ended, as its history file
 * ({@code pg_wal/<timeline>.history}) lists them: {@code parent<TAB>switchpoint<TAB>reason} a line. A server whose
 * WAL ends on timeline {@code t} at {@code end} holds a prefix of this primary's history when {@code t} is the
 * primary's own, or one of its ancestors that {@code end} did not pass; otherwise its WAL forked off, and its tail is
 * what the primary never received.
 *
 * @param timeline    the primary's timeline
 * @param switchpoints by ancestor timeline, the WAL position (in bytes) where the next one began
 */
record PostgresqlTimelines(long timeline, Map<Long, Long> switchpoints) {

    PostgresqlTimelines {
        switchpoints = Map.copyOf(switchpoints);
    }

    /** @param history the history file's text; empty for timeline 1, which has none */
    static PostgresqlTimelines parse(long timeline, String history) {
        Map<Long, Long> switchpoints = new HashMap<>();
        for (String line : history.split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] fields = entry.split("\\s+");
            if (fields.length < 2) {
                throw new IllegalArgumentException("not a timeline history line: " + line);
            }
            switchpoints.put(Long.parseLong(fields[0]), PostgresqlPosition.bytes(fields[1]));
        }
        return new PostgresqlTimelines(timeline, switchpoints);
    }

    /** Whether WAL ending on {@code ownTimeline} at {@code end} (in bytes) is a prefix of this history. */
    boolean holds(long ownTimeline, long end) {
        if (ownTimeline == timeline) {
            return true;
        }
        Long switchpoint = switchpoints.get(ownTimeline);
        return switchpoint != null && Long.compareUnsigned(end, switchpoint) <= 0;
    }

    /** A timeline's history file name, as the server names it: eight hexadecimal digits. */
    static String historyFile(long timeline) {
        return "%08X.history".formatted(timeline);
    }
}

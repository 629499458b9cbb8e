package dev.shoal.taskmanager.replication;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the replica that becomes the master when the old one is gone, as Trove's eject does: the one with the
 * most advanced GTID position, so the others can fetch from it whatever they lack and nothing they hold is lost.
 */
final class FailoverCandidate {

    private FailoverCandidate() {
    }

    /**
     * @param positions each replica's GTID position, in the order replicas are preferred when equal
     * @return the replica whose position includes every other one's; if positions diverged (no such replica),
     *         the one with the most transactions; empty without replicas
     */
    static <T> Optional<T> mostAdvanced(Map<T, GtidPosition> positions) {
        Optional<T> including = positions.entrySet().stream()
                .filter(candidate -> positions.values().stream().allMatch(candidate.getValue()::includes))
                .map(Map.Entry::getKey)
                .findFirst();
        if (including.isPresent()) {
            return including;
        }
        return positions.entrySet().stream()
                // max keeps the first of equals: the preferred order decides ties
                .max(Comparator.comparingLong(e -> e.getValue().transactions()))
                .map(Map.Entry::getKey);
    }
}

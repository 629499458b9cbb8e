package dev.shoal.datastore.control;

import dev.shoal.contracts.guest.ClusterStatus;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Compares the membership a datastore reports with the one the cluster should have. */
public final class MembershipCheck {

    public static final String PRIMARY = "PRIMARY";

    private MembershipCheck() {
    }

    /**
     * Cassandra before the next node starts: every expected member up and normal, nobody joining, leaving or moving
     * (the second letter of the state); a node that is down may stay.
     *
     * @return what is not settled yet, or empty when the next node may start
     */
    public static Optional<String> unsettled(Collection<String> expected, ClusterStatus reported) {
        Set<String> healthy = reported.members().stream().filter(ClusterStatus.Member::healthy)
                .map(ClusterStatus.Member::address).collect(Collectors.toCollection(TreeSet::new));
        if (!healthy.containsAll(expected)) {
            return Optional.of("up and normal " + healthy + ", expected at least " + new TreeSet<>(expected));
        }
        Set<String> moving = reported.members().stream()
                .filter(member -> member.state().length() == 2 && member.state().charAt(1) != 'N')
                .map(member -> member.address() + " " + member.state())
                .collect(Collectors.toCollection(TreeSet::new));
        return moving.isEmpty() ? Optional.empty() : Optional.of("in motion: " + moving);
    }

    /**
     * @param requireOnePrimary a replica set must also report exactly one primary
     * @return why the reported membership is not the expected one yet, or empty when it is
     */
    public static Optional<String> disagreement(Collection<String> expected, ClusterStatus reported,
                                         boolean requireOnePrimary) {
        Set<String> wanted = new TreeSet<>(expected);
        Set<String> seen = reported.members().stream().map(ClusterStatus.Member::address)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!seen.equals(wanted)) {
            return Optional.of("members " + seen + ", expected " + wanted);
        }
        Set<String> unhealthy = reported.members().stream().filter(member -> !member.healthy())
                .map(member -> member.address() + " " + member.state())
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unhealthy.isEmpty()) {
            return Optional.of("not yet healthy: " + unhealthy);
        }
        long primaries = reported.members().stream().filter(member -> PRIMARY.equals(member.state())).count();
        if (requireOnePrimary && primaries != 1) {
            return Optional.of(primaries + " primaries");
        }
        return Optional.empty();
    }
}

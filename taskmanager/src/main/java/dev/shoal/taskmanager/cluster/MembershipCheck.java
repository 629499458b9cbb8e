package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.guest.ClusterStatus;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Compares the membership a datastore reports with the one the cluster should have. */
final class MembershipCheck {

    static final String PRIMARY = "PRIMARY";

    private MembershipCheck() {
    }

    /**
     * @param requireOnePrimary a replica set must also report exactly one primary
     * @return why the reported membership is not the expected one yet, or empty when it is
     */
    static Optional<String> disagreement(Collection<String> expected, ClusterStatus reported,
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

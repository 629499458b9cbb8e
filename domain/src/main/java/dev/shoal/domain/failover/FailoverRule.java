package dev.shoal.domain.failover;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.domain.failover.FailoverAssessment.Decision;
import dev.shoal.domain.failover.ReplicationSetState.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When a replication set's master is dead, without split brain: a majority of its replicas must have been unable to
 * reach its server for a while, and its guest must not have said since that the server serves or is being started
 * again. A master whose guest alone died still serves its replicas, so it is never failed over. A dead master is
 * replaced by a replica only when no acknowledged write can be lost (its commits were held by a replica too at its
 * last report), the set fails over by itself, and it did not do so within the cool-down; otherwise an operator decides.
 */
public final class FailoverRule {

    private final FailoverProperties properties;

    public FailoverRule(FailoverProperties properties) {
        this.properties = properties;
    }

    public FailoverAssessment assess(ReplicationSetState set, Instant now) {
        List<Report> replicas = set.replicas();
        if (replicas.isEmpty()) {
            return new FailoverAssessment(Decision.NONE, "NoReplica", "the set has no replica to fail over to", null);
        }
        List<Instant> votes = replicas.stream()
                .filter(replica -> replica.receivedAt() != null
                        && !replica.receivedAt().isBefore(now.minus(properties.voteExpiry())))
                .map(Report::masterUnreachableSince)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        int majority = replicas.size() / 2 + 1;
        if (votes.size() < majority) {
            return new FailoverAssessment(Decision.NONE, votes.isEmpty() ? "ReplicasReachMaster"
                    : "MinorityCannotReachMaster", votes.size() + " of " + replicas.size()
                    + " replicas cannot reach the master", null);
        }
        // the moment the last replica of the majority lost the master
        Instant since = votes.get(majority - 1);
        Duration unreachable = Duration.between(since, now);
        String lost = votes.size() + " of " + replicas.size() + " replicas cannot reach the master since " + since;
        if (unreachable.compareTo(properties.unreachableFor()) < 0) {
            return new FailoverAssessment(Decision.WAIT, "MasterUnreachable", lost, since);
        }
        Report master = set.master();
        boolean heardSince = master != null && master.receivedAt() != null && master.receivedAt().isAfter(votes.get(0));
        if (heardSince && master.status() == ServiceStatus.RUNNING) {
            return new FailoverAssessment(Decision.NONE, "MasterServesItsGuest", lost
                    + ", yet its guest reports it serving: the replicas are cut off, the master is not dead", since);
        }
        if (heardSince && master.status() != ServiceStatus.FAILED
                && unreachable.compareTo(properties.restartGrace()) < 0) {
            return new FailoverAssessment(Decision.WAIT, "MasterRestarting", lost + "; its guest is starting it again ("
                    + master.status() + ")", since);
        }
        return dead(set, now, lost, since);
    }

    private FailoverAssessment dead(ReplicationSetState set, Instant now, String lost, Instant since) {
        if (!set.autoFailover()) {
            return new FailoverAssessment(Decision.HOLD, "AutoFailoverOff", lost
                    + "; the set does not fail over by itself: eject_replica_source decides", since);
        }
        if (set.master() == null || !Boolean.TRUE.equals(set.master().syncReplication())) {
            return new FailoverAssessment(Decision.HOLD, "SyncReplicationOff", lost
                    + "; its commits were not held by a replica at its last report, so a failover could lose"
                    + " acknowledged writes: eject_replica_source decides", since);
        }
        if (set.lastFailoverAt() != null && set.lastFailoverAt().isAfter(now.minus(properties.coolDown()))) {
            return new FailoverAssessment(Decision.HOLD, "CoolingDown", lost + "; the set failed over at "
                    + set.lastFailoverAt() + " and does not again by itself within " + properties.coolDown(), since);
        }
        return new FailoverAssessment(Decision.FAIL_OVER, "MasterDead", lost, since);
    }
}

package dev.shoal.api.condition;

import dev.shoal.domain.failover.FailoverAssessment;
import dev.shoal.domain.failover.FailoverAssessment.Decision;
import dev.shoal.domain.failover.ReplicationSetState;
import dev.shoal.domain.failover.ReplicationSetState.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A replication set's conditions, from the same assessment failover acts on, so what a client reads is what the
 * control plane would do: {@code MasterReachable}, {@code Replicating} (omitted while the master never said whether
 * its commits are held by a replica) and {@code AutoFailover}.
 */
final class ReplicationConditions {

    static final String MASTER_REACHABLE = "MasterReachable";
    static final String REPLICATING = "Replicating";
    static final String AUTO_FAILOVER = "AutoFailover";

    private ReplicationConditions() {
    }

    /**
     * @param syncSince since when the master's semi-synchronous replication has been as it last reported
     * @param coolDown  how long after a failover the set does not fail over by itself again
     */
    static List<Condition> of(ReplicationSetState set, FailoverAssessment assessment, Instant syncSince,
                              Duration coolDown, Instant now) {
        if (set.replicas().isEmpty()) {
            return List.of(Condition.fails(AUTO_FAILOVER, "NoReplica", "the set has no replica to fail over to",
                    null));
        }
        List<Condition> conditions = new ArrayList<>();
        conditions.add(masterReachable(set, assessment));
        Boolean sync = set.master() == null ? null : set.master().syncReplication();
        if (sync != null) {
            conditions.add(sync
                    ? Condition.holds(REPLICATING, "SemiSyncOn", "every commit the master acknowledges is held by a"
                    + " replica too", syncSince)
                    : Condition.fails(REPLICATING, "SemiSyncFellBack", "the master acknowledges commits no replica"
                    + " holds yet (semi-synchronous replication fell back to asynchronous): a failover now could"
                    + " lose them", syncSince));
        }
        conditions.add(autoFailover(set, assessment, syncSince, coolDown, now));
        return conditions;
    }

    private static Condition masterReachable(ReplicationSetState set, FailoverAssessment assessment) {
        if ("ReplicasReachMaster".equals(assessment.reason())) {
            return Condition.holds(MASTER_REACHABLE, "ReplicasReachMaster", "every replica reaches the master", null);
        }
        Instant since = assessment.unreachableSince() != null ? assessment.unreachableSince()
                : set.replicas().stream().map(Report::masterUnreachableSince).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        // once failover judged the master dead, the reason on this condition says so; why the set does or does not
        // fail over is AutoFailover's
        String reason = assessment.decision() == Decision.HOLD || assessment.decision() == Decision.FAIL_OVER
                ? "MasterDead" : assessment.reason();
        return Condition.fails(MASTER_REACHABLE, reason, assessment.message(), since);
    }

    private static Condition autoFailover(ReplicationSetState set, FailoverAssessment assessment, Instant syncSince,
                                          Duration coolDown, Instant now) {
        if (!set.autoFailover()) {
            return Condition.fails(AUTO_FAILOVER, "AutoFailoverOff", "the set does not fail over by itself: should"
                    + " its master die, eject_replica_source decides", null);
        }
        if (assessment.decision() == Decision.HOLD) {
            return Condition.fails(AUTO_FAILOVER, assessment.reason(), assessment.message(),
                    "CoolingDown".equals(assessment.reason()) ? set.lastFailoverAt() : syncSince);
        }
        Report master = set.master();
        if (master == null || !Boolean.TRUE.equals(master.syncReplication())) {
            return Condition.fails(AUTO_FAILOVER, "SyncReplicationOff", "the master's commits are not known to be held"
                    + " by a replica, so a failover could lose acknowledged writes: should it die, an operator"
                    + " decides with eject_replica_source", syncSince);
        }
        if (set.lastFailoverAt() != null && set.lastFailoverAt().isAfter(now.minus(coolDown))) {
            return Condition.fails(AUTO_FAILOVER, "CoolingDown", "the set failed over at " + set.lastFailoverAt()
                    + " and does not again by itself until " + set.lastFailoverAt().plus(coolDown),
                    set.lastFailoverAt());
        }
        return Condition.holds(AUTO_FAILOVER, "Armed", assessment.decision() == Decision.FAIL_OVER
                ? "the master is dead: a replica takes over by itself"
                : "should the master die, a replica takes over by itself", null);
    }
}

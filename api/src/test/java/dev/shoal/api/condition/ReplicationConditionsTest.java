package dev.shoal.api.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.domain.failover.FailoverAssessment;
import dev.shoal.domain.failover.FailoverAssessment.Decision;
import dev.shoal.domain.failover.ReplicationSetState;
import dev.shoal.domain.failover.ReplicationSetState.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationConditionsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");
    private static final Duration COOL_DOWN = Duration.ofMinutes(5);
    private static final FailoverAssessment REACHED = new FailoverAssessment(Decision.NONE, "ReplicasReachMaster",
            "0 of 1 replicas cannot reach the master", null);

    @Test
    void aSetWhoseReplicasReachASemiSyncMasterIsArmed() {
        List<Condition> conditions = conditions(set(true, master(true), null, replica(null)), REACHED,
                NOW.minusSeconds(60));

        assertThat(conditions).extracting(Condition::type, Condition::status, Condition::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MasterReachable", "True", "ReplicasReachMaster"),
                org.assertj.core.groups.Tuple.tuple("Replicating", "True", "SemiSyncOn"),
                org.assertj.core.groups.Tuple.tuple("AutoFailover", "True", "Armed"));
        assertThat(conditions.get(1).lastTransitionTime()).isEqualTo("2026-12-07T00:59:00Z");
    }

    @Test
    void aMasterThatFellBackToAsynchronousIsNotFailedOverByItself() {
        List<Condition> conditions = conditions(set(true, master(false), null, replica(null)), REACHED,
                NOW.minusSeconds(9));

        assertThat(find(conditions, "Replicating").reason()).isEqualTo("SemiSyncFellBack");
        assertThat(find(conditions, "Replicating").status()).isEqualTo("False");
        assertThat(find(conditions, "AutoFailover").reason()).isEqualTo("SyncReplicationOff");
    }

    @Test
    void replicationIsOmittedWhileTheMasterNeverSaid() {
        List<Condition> conditions = conditions(set(true, master(null), null, replica(null)), REACHED, null);

        assertThat(conditions).extracting(Condition::type).containsExactly("MasterReachable", "AutoFailover");
    }

    @Test
    void aMinorityThatCannotReachTheMasterTurnsMasterReachableFalseSinceTheFirstOfThem() {
        Instant lost = NOW.minusSeconds(20);
        List<Condition> conditions = conditions(set(true, master(true), null, replica(lost), replica(null),
                replica(null)), new FailoverAssessment(Decision.NONE, "MinorityCannotReachMaster",
                "1 of 3 replicas cannot reach the master", null), null);

        Condition reachable = find(conditions, "MasterReachable");
        assertThat(reachable.status()).isEqualTo("False");
        assertThat(reachable.reason()).isEqualTo("MinorityCannotReachMaster");
        assertThat(reachable.lastTransitionTime()).isEqualTo("2026-12-07T00:59:40Z");
        assertThat(find(conditions, "AutoFailover").reason()).isEqualTo("Armed");
    }

    @Test
    void aDeadMasterOfASetThatDoesNotFailOverByItselfIsHeldForAnOperator() {
        Instant lost = NOW.minusSeconds(60);
        List<Condition> conditions = conditions(set(false, null, null, replica(lost)), new FailoverAssessment(
                Decision.HOLD, "AutoFailoverOff", "1 of 1 replicas cannot reach the master since " + lost, lost),
                null);

        assertThat(find(conditions, "MasterReachable").reason()).isEqualTo("MasterDead");
        assertThat(find(conditions, "MasterReachable").lastTransitionTime()).isEqualTo("2026-12-07T00:59:00Z");
        assertThat(find(conditions, "AutoFailover").reason()).isEqualTo("AutoFailoverOff");
    }

    @Test
    void aMajorityWaitedOnShowsTheRulesReasonSinceTheMajorityLostTheMaster() {
        Instant lost = NOW.minusSeconds(3);
        List<Condition> conditions = conditions(set(true, master(true), null, replica(lost)), new FailoverAssessment(
                Decision.WAIT, "MasterUnreachable", "1 of 1 replicas cannot reach the master since " + lost, lost),
                null);

        assertThat(find(conditions, "MasterReachable").reason()).isEqualTo("MasterUnreachable");
        assertThat(find(conditions, "MasterReachable").lastTransitionTime()).isEqualTo("2026-12-07T00:59:57Z");
        assertThat(find(conditions, "AutoFailover").reason()).isEqualTo("Armed");
    }

    @Test
    void aSetThatFailedOverLatelyCoolsDown() {
        Instant failedOver = NOW.minusSeconds(60);
        List<Condition> conditions = conditions(set(true, master(true), failedOver, replica(null)), REACHED, null);

        Condition auto = find(conditions, "AutoFailover");
        assertThat(auto.reason()).isEqualTo("CoolingDown");
        assertThat(auto.lastTransitionTime()).isEqualTo("2026-12-07T00:59:00Z");
    }

    @Test
    void aSetWithoutReplicaHasNothingToFailOverTo() {
        assertThat(conditions(set(true, master(true), null), new FailoverAssessment(Decision.NONE, "NoReplica",
                "the set has no replica to fail over to", null), null)).extracting(Condition::reason)
                .containsExactly("NoReplica");
    }

    private static List<Condition> conditions(ReplicationSetState set, FailoverAssessment assessment,
                                              Instant syncSince) {
        return ReplicationConditions.of(set, assessment, syncSince, COOL_DOWN, NOW);
    }

    private static Condition find(List<Condition> conditions, String type) {
        return conditions.stream().filter(condition -> condition.type().equals(type)).findFirst().orElseThrow();
    }

    private static ReplicationSetState set(boolean autoFailover, Report master, Instant lastFailoverAt,
                                           Report... replicas) {
        return new ReplicationSetState(autoFailover, master, List.of(replicas), lastFailoverAt);
    }

    private static Report master(Boolean sync) {
        return new Report(ServiceStatus.RUNNING, NOW.minusSeconds(120), null, sync);
    }

    private static Report replica(Instant unreachableSince) {
        return new Report(ServiceStatus.RUNNING, NOW.minusSeconds(1), unreachableSince, null);
    }
}

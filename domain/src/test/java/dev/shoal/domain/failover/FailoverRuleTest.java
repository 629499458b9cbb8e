package dev.shoal.domain.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.domain.failover.FailoverAssessment.Decision;
import dev.shoal.domain.failover.ReplicationSetState.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Detection (silence and the replicas' votes), the synchronous-replication rule and the cool-down. */
class FailoverRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");
    private static final Instant LOST = NOW.minusSeconds(6);

    private final FailoverRule rule = new FailoverRule(new FailoverProperties(Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(10)));

    @Test
    void aSetWithoutReplicasNeverFailsOver() {
        assertThat(rule.assess(set(silentMaster(), List.of()), NOW).decision()).isEqualTo(Decision.NONE);
    }

    @Test
    void aMasterTheReplicasReachIsNotFailedOverWhateverItsGuestSays() {
        Report guestDead = new Report(ServiceStatus.RUNNING, NOW.minusSeconds(80), null, true);

        FailoverAssessment assessment = rule.assess(set(guestDead, List.of(reaching(), reaching())), NOW);

        assertThat(assessment.decision()).isEqualTo(Decision.NONE);
        assertThat(assessment.masterReachable()).isTrue();
    }

    @Test
    void aMinorityOfReplicasThatCannotReachTheMasterIsNoMajority() {
        FailoverAssessment assessment = rule.assess(set(silentMaster(), List.of(cut(LOST), reaching())), NOW);

        assertThat(assessment.decision()).isEqualTo(Decision.NONE);
        assertThat(assessment.reason()).isEqualTo("MinorityCannotReachMaster");
    }

    @Test
    void aMajorityWaitsUntilTheMasterHasBeenUnreachableForTheThreshold() {
        FailoverAssessment early = rule.assess(set(silentMaster(), List.of(cut(NOW.minusSeconds(2)))), NOW);
        FailoverAssessment late = rule.assess(set(silentMaster(), List.of(cut(LOST))), NOW);

        assertThat(early.decision()).isEqualTo(Decision.WAIT);
        assertThat(early.masterReachable()).isFalse();
        assertThat(late.decision()).isEqualTo(Decision.FAIL_OVER);
        assertThat(late.reason()).isEqualTo("MasterDead");
        assertThat(late.unreachableSince()).isEqualTo(LOST);
    }

    @Test
    void theMajorityCountsFromTheMomentItsLastMemberLostTheMaster() {
        List<Report> replicas = List.of(cut(NOW.minusSeconds(60)), cut(NOW.minusSeconds(3)), reaching());

        FailoverAssessment assessment = rule.assess(set(silentMaster(), replicas), NOW);

        assertThat(assessment.decision()).isEqualTo(Decision.WAIT);
        assertThat(assessment.unreachableSince()).isEqualTo(NOW.minusSeconds(3));
    }

    @Test
    void aReplicaWhoseReportIsStaleDoesNotVote() {
        Report stale = new Report(ServiceStatus.RUNNING, NOW.minusSeconds(31), LOST, null);

        assertThat(rule.assess(set(silentMaster(), List.of(stale)), NOW).decision()).isEqualTo(Decision.NONE);
    }

    @Test
    void aMasterWhoseGuestReportsItServingSinceIsCutOffNotDead() {
        Report serving = new Report(ServiceStatus.RUNNING, NOW.minusSeconds(1), null, true);

        FailoverAssessment assessment = rule.assess(set(serving, List.of(cut(LOST))), NOW);

        assertThat(assessment.decision()).isEqualTo(Decision.NONE);
        assertThat(assessment.reason()).isEqualTo("MasterServesItsGuest");
        assertThat(assessment.masterReachable()).isFalse();
    }

    @Test
    void aMasterBeingStartedAgainByItsGuestIsGivenTheGraceThenFailedOver() {
        Report crashed = new Report(ServiceStatus.CRASHED, NOW.minusSeconds(1), null, true);

        assertThat(rule.assess(set(crashed, List.of(cut(LOST))), NOW).decision()).isEqualTo(Decision.WAIT);
        assertThat(rule.assess(set(crashed, List.of(cut(NOW.minusSeconds(31)))), NOW).decision())
                .isEqualTo(Decision.FAIL_OVER);
        Report failed = new Report(ServiceStatus.FAILED, NOW.minusSeconds(1), null, true);
        assertThat(rule.assess(set(failed, List.of(cut(LOST))), NOW).decision()).isEqualTo(Decision.FAIL_OVER);
    }

    @Test
    void aMasterWhoseCommitsWereNotHeldByAReplicaIsLeftToAnOperator() {
        Report asynchronous = new Report(ServiceStatus.RUNNING, LOST.minusSeconds(5), null, false);

        FailoverAssessment assessment = rule.assess(set(asynchronous, List.of(cut(LOST))), NOW);

        assertThat(assessment.decision()).isEqualTo(Decision.HOLD);
        assertThat(assessment.reason()).isEqualTo("SyncReplicationOff");
        assertThat(assessment.message()).contains("eject_replica_source");
    }

    @Test
    void aSetThatDoesNotFailOverByItselfIsLeftToAnOperator() {
        ReplicationSetState set = new ReplicationSetState(false, silentMaster(), List.of(cut(LOST)), null);

        assertThat(rule.assess(set, NOW).reason()).isEqualTo("AutoFailoverOff");
    }

    @Test
    void noSecondFailoverWithinTheCoolDown() {
        List<Report> replicas = List.of(cut(LOST));

        FailoverAssessment cooling = rule.assess(new ReplicationSetState(true, silentMaster(), replicas,
                NOW.minus(Duration.ofMinutes(4))), NOW);
        FailoverAssessment cooled = rule.assess(new ReplicationSetState(true, silentMaster(), replicas,
                NOW.minus(Duration.ofMinutes(6))), NOW);

        assertThat(cooling.decision()).isEqualTo(Decision.HOLD);
        assertThat(cooling.reason()).isEqualTo("CoolingDown");
        assertThat(cooled.decision()).isEqualTo(Decision.FAIL_OVER);
    }

    /** Its host lost: its last report came before the replicas lost it, with its commits held by a replica. */
    private static Report silentMaster() {
        return new Report(ServiceStatus.RUNNING, LOST.minusSeconds(5), null, true);
    }

    private static Report reaching() {
        return new Report(ServiceStatus.RUNNING, NOW.minusSeconds(1), null, null);
    }

    private static Report cut(Instant since) {
        return new Report(ServiceStatus.RUNNING, NOW.minusSeconds(1), since, null);
    }

    private static ReplicationSetState set(Report master, List<Report> replicas) {
        return new ReplicationSetState(true, master, replicas, null);
    }
}

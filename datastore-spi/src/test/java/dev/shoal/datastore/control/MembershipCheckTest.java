package dev.shoal.datastore.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.contracts.guest.ClusterStatus.Member;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipCheckTest {

    private static final List<String> EXPECTED = List.of("127.0.1.1", "127.0.1.2", "127.0.1.3");

    @Test
    void aRingAgreesWhenEveryExpectedNodeIsUpAndNormal() {
        ClusterStatus ring = new ClusterStatus(List.of(un("127.0.1.1"), un("127.0.1.2"), un("127.0.1.3")));
        assertThat(MembershipCheck.disagreement(EXPECTED, ring, false)).isEmpty();
    }

    @Test
    void aJoiningNodeOrAMissingOneIsNotAgreementYet() {
        ClusterStatus joining = new ClusterStatus(List.of(un("127.0.1.1"), un("127.0.1.2"),
                new Member("127.0.1.3", "UJ", false)));
        assertThat(MembershipCheck.disagreement(EXPECTED, joining, false)).get().asString().contains("UJ");
        ClusterStatus missing = new ClusterStatus(List.of(un("127.0.1.1"), un("127.0.1.2")));
        assertThat(MembershipCheck.disagreement(EXPECTED, missing, false)).get().asString().contains("expected");
    }

    @Test
    void aNodeThatShouldHaveLeftStillInTheRingIsNotAgreement() {
        ClusterStatus stale = new ClusterStatus(List.of(un("127.0.1.1"), un("127.0.1.2"), un("127.0.1.3"),
                new Member("127.0.1.4", "DN", false)));
        assertThat(MembershipCheck.disagreement(EXPECTED, stale, false)).isPresent();
    }

    @Test
    void theNextNodeWaitsWhileAnotherJoinsButNotForOneThatIsDown() {
        List<String> running = List.of("127.0.1.1", "127.0.1.2");
        ClusterStatus joining = new ClusterStatus(List.of(un("127.0.1.1"), new Member("127.0.1.2", "UJ", false)));
        assertThat(MembershipCheck.unsettled(running, joining)).isPresent();
        ClusterStatus replacing = new ClusterStatus(List.of(un("127.0.1.1"), un("127.0.1.2"),
                new Member("127.0.1.3", "DN", false)));
        assertThat(MembershipCheck.unsettled(running, replacing)).isEmpty();
        ClusterStatus leaving = new ClusterStatus(List.of(un("127.0.1.1"), un("127.0.1.2"),
                new Member("127.0.1.4", "UL", false)));
        assertThat(MembershipCheck.unsettled(running, leaving)).get().asString().contains("UL");
    }

    @Test
    void aReplicaSetNeedsExactlyOnePrimary() {
        ClusterStatus noPrimary = new ClusterStatus(List.of(new Member("127.0.1.1", "SECONDARY", true),
                new Member("127.0.1.2", "SECONDARY", true), new Member("127.0.1.3", "ARBITER", true)));
        assertThat(MembershipCheck.disagreement(EXPECTED, noPrimary, true)).get().asString().contains("0 primaries");
        ClusterStatus formed = new ClusterStatus(List.of(new Member("127.0.1.1", "PRIMARY", true),
                new Member("127.0.1.2", "SECONDARY", true), new Member("127.0.1.3", "ARBITER", true)));
        assertThat(MembershipCheck.disagreement(EXPECTED, formed, true)).isEmpty();
    }

    private static Member un(String address) {
        return new Member(address, "UN", true);
    }
}

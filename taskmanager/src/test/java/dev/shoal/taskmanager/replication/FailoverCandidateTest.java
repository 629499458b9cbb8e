package dev.shoal.taskmanager.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailoverCandidateTest {

    @Test
    void choosesTheReplicaThatAppliedTheMostOfTheMastersTransactions() {
        assertThat(FailoverCandidate.mostAdvanced(positions("a", "0-1-40", "b", "0-1-42", "c", "0-1-41")))
                .contains("b");
    }

    @Test
    void sequenceNumbersOrderTransactionsWhicheverServerWroteThem() {
        // after a switchover the new master's server id follows the old one's in the same domain
        assertThat(FailoverCandidate.mostAdvanced(positions("a", "0-7-50", "b", "0-3-51"))).contains("b");
    }

    @Test
    void aReplicaMustIncludeEveryDomainTheOthersHold() {
        assertThat(FailoverCandidate.mostAdvanced(positions("a", "0-1-90", "b", "0-1-90,1-2-5")))
                .contains("b");
    }

    @Test
    void equalPositionsKeepThePreferredOrder() {
        assertThat(FailoverCandidate.mostAdvanced(positions("a", "0-1-9", "b", "0-1-9"))).contains("a");
    }

    @Test
    void divergedPositionsFallBackToTheMostTransactions() {
        assertThat(FailoverCandidate.mostAdvanced(positions("a", "0-1-10,1-2-1", "b", "0-1-8,1-2-5")))
                .contains("b");
    }

    @Test
    void noReplicasNoCandidate() {
        assertThat(FailoverCandidate.mostAdvanced(Map.<String, GtidPosition>of())).isEmpty();
    }

    @Test
    void anEmptyPositionIsIncludedByEveryOther() {
        assertThat(GtidPosition.parse("").includes(GtidPosition.parse("0-1-1"))).isFalse();
        assertThat(GtidPosition.parse("0-1-1").includes(GtidPosition.parse(""))).isTrue();
    }

    @Test
    void rejectsWhatIsNotAGtidPosition() {
        assertThatThrownBy(() -> GtidPosition.parse("0-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GtidPosition.parse("0-x-1")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, GtidPosition> positions(String... replicaAndPosition) {
        Map<String, GtidPosition> positions = new LinkedHashMap<>();
        for (int i = 0; i < replicaAndPosition.length; i += 2) {
            positions.put(replicaAndPosition[i], GtidPosition.parse(replicaAndPosition[i + 1]));
        }
        return positions;
    }
}

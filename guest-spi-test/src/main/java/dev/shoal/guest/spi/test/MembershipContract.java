package dev.shoal.guest.spi.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ClusterMembers;
import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.guest.spi.Clustered;
import dev.shoal.guest.spi.Membership;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the node that changes a cluster's membership for all does: a member it adds, once or twice, joins healthy, and
 * a member it removes leaves the cluster it reports.
 */
public interface MembershipContract {

    Duration CLUSTER_CHANGE = Duration.ofSeconds(90);

    /** The node that changes membership for all, prepared and serving. */
    Membership changer();

    /** The same node, asked for the cluster it sees. */
    Clustered changersView();

    /** A new node of the datastore, prepared and serving, not yet a member; a different one on each call. */
    String newNodeAddress() throws Exception;

    @Test
    default void aMemberAddedTwiceJoinsOnceAndLeavesWhenRemoved() throws Exception {
        String joiner = newNodeAddress();
        ClusterMembers members = new ClusterMembers(List.of(
                new ClusterMembers.Entry(joiner, ClusterMember.TYPE_MEMBER)));

        changer().addMembers(members);
        changer().addMembers(members);
        await().atMost(CLUSTER_CHANGE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(changersView().clusterStatus().members()).filteredOn(m -> m.address().equals(joiner))
                        .singleElement().extracting(ClusterStatus.Member::healthy).isEqualTo(true));

        changer().removeMembers(members);
        await().atMost(CLUSTER_CHANGE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(changersView().clusterStatus().members()).extracting(ClusterStatus.Member::address)
                        .isNotEmpty().doesNotContain(joiner));
    }
}

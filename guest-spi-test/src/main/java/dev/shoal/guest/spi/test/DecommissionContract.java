package dev.shoal.guest.spi.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.guest.spi.Clustered;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.Decommission;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a member that hands its data to the others before it goes does: it leaves the cluster the others see, its
 * server stops, and an agent started again on its node does not bring it back.
 */
public interface DecommissionContract {

    Duration CLUSTER_CHANGE = Duration.ofSeconds(90);

    /** A member of a formed cluster whose other members can take its data. */
    DatastoreManager leavingMember();

    /** The leaving member's address, as the others report it. */
    String leavingAddress();

    /** A member that stays. */
    Clustered remainingMember();

    /** A new manager of the leaving member's node, as an agent started again would make. */
    DatastoreManager restartedAgentsManagerOfLeaving() throws Exception;

    /** How many server processes the leaving member's node still runs. */
    long serversOfLeavingMember();

    @Test
    default void aDecommissionedMemberLeavesTheClusterAndStaysDown() throws Exception {
        leavingMember().ability(Decommission.class).orElseThrow().decommission();

        assertThat(leavingMember().status()).isEqualTo(ServiceStatus.SHUTDOWN);
        assertThat(serversOfLeavingMember()).isZero();
        restartedAgentsManagerOfLeaving().resume();
        assertThat(serversOfLeavingMember()).as("an agent started again leaves a decommissioned member down")
                .isZero();
        await().atMost(CLUSTER_CHANGE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(remainingMember().clusterStatus().members()).extracting(ClusterStatus.Member::address)
                        .isNotEmpty().doesNotContain(leavingAddress()));
    }
}

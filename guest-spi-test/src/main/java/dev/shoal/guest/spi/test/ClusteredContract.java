package dev.shoal.guest.spi.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.guest.spi.Clustered;
import org.junit.jupiter.api.Test;

/** What a node of a clustered datastore reports of its cluster: at least itself, up and healthy. */
public interface ClusteredContract {

    /** A node its test prepared as the only member of a cluster. */
    Clustered clustered();

    /** The node's address. */
    String address();

    @Test
    default void aLoneMemberReportsItselfHealthy() throws Exception {
        ClusterStatus status = clustered().clusterStatus();

        assertThat(status.members()).filteredOn(member -> member.address().equals(address()))
                .singleElement().extracting(ClusterStatus.Member::healthy).isEqualTo(true);
        clustered().clusterComplete();
        clustered().clusterComplete();
    }
}

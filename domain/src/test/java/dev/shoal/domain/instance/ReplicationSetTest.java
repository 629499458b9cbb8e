package dev.shoal.domain.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A replication set keeps its id while its master changes, and a detached replica starts a set of its own. */
class ReplicationSetTest {

    private static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");

    private final Instance first = new Instance("acme", "orders", UUID.randomUUID(), "small", 1, null, NOW);
    private final Instance replica = Instance.replicaOf(first, "orders-1", "small", 1, NOW);
    private final Instance other = Instance.replicaOf(first, "orders-2", "small", 1, NOW);

    @Test
    void aSetIsNamedForTheInstanceItBeganWith() {
        assertThat(first.replicationSet()).isEqualTo(first.getId());
        assertThat(replica.replicationSet()).isEqualTo(first.getId());
    }

    @Test
    void aPromotedReplicaAndThoseFollowingItStayInTheSet() {
        replica.promoted(NOW);
        other.follows(replica, NOW);
        first.follows(replica, NOW);
        Instance later = Instance.replicaOf(replica, "orders-3", "small", 1, NOW);

        assertThat(replica.isReplica()).isFalse();
        assertThat(other.getSlaveOf()).isEqualTo(replica.getId());
        assertThat(List.of(replica, other, first, later)).extracting(Instance::replicationSet)
                .containsOnly(first.getId());
    }

    @Test
    void aDetachedReplicaStartsASetOfItsOwn() {
        replica.detached(NOW);
        Instance ofDetached = Instance.replicaOf(replica, "copy", "small", 1, NOW);

        assertThat(replica.replicationSet()).isEqualTo(replica.getId());
        assertThat(ofDetached.replicationSet()).isEqualTo(replica.getId());
        assertThat(other.replicationSet()).isEqualTo(first.getId());
    }
}

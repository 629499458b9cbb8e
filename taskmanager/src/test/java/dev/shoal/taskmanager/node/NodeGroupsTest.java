package dev.shoal.taskmanager.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A driver groups a cluster's nodes by cluster, and a replication set's nodes by set, whoever is master. */
class NodeGroupsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");

    private final InstanceRepository instances = mock(InstanceRepository.class);
    private final NodeGroups groups = new NodeGroups(instances);
    private final Instance master = new Instance("acme", "orders", UUID.randomUUID(), "small", 1, null, NOW);
    private final Instance replica = Instance.replicaOf(master, "orders-1", "small", 1, NOW);

    @Test
    void aReplicaSitsInItsMastersSetAndADetachedOneInItsOwn() {
        given(instances.findById(replica.getId())).willReturn(Optional.of(replica));
        Node node = Node.forInstance(replica.getId(), "acme", "orders-1", UUID.randomUUID(), "small", 1, null, NOW);

        assertThat(groups.of(node)).isEqualTo(master.getId().toString());
        replica.detached(NOW);
        assertThat(groups.of(node)).isEqualTo(replica.getId().toString());
    }

    @Test
    void aClusterNodeSitsInItsCluster() {
        UUID cluster = UUID.randomUUID();
        Node node = Node.forCluster(cluster, "acme", "node-1", "member", null, UUID.randomUUID(), "small", 1, null,
                NOW);

        assertThat(groups.of(node)).isEqualTo(cluster.toString());
    }
}

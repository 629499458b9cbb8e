package dev.shoal.taskmanager.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Role;
import dev.shoal.domain.catalog.Datastore;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.catalog.Flavor;
import dev.shoal.domain.catalog.FlavorRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.NodePlacement;
import dev.shoal.taskmanager.compute.NodeSpec;
import dev.shoal.taskmanager.task.RemoteCalls;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the compute driver is told of a node at spawn, and the address it gives back. */
class NodeSpawnTest {

    private static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");

    private final ComputeDriver compute = mock(ComputeDriver.class);
    private final DatastoreVersionRepository versions = mock(DatastoreVersionRepository.class);
    private final FlavorRepository flavors = mock(FlavorRepository.class);
    private final RemoteCalls remote = mock(RemoteCalls.class);
    private final AtomicReference<NodeSpec> asked = new AtomicReference<>();
    private final NodeBuilder builder = new NodeBuilder(null, null, new NodeSpecs(versions, flavors, null,
            new NodeGroups(mock(dev.shoal.domain.instance.InstanceRepository.class))), null, compute,
            mock(dev.shoal.taskmanager.guest.GuestClient.class),
            mock(dev.shoal.taskmanager.broker.GuestBrokerAccounts.class), remote, null,
            mock(dev.shoal.taskmanager.secgroup.SecurityGroupEnforcer.class), null, Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID clusterId = UUID.randomUUID();
    private final Node node = Node.forCluster(clusterId, "acme", "node-1", "member", "eu-1", UUID.randomUUID(),
            "small", 3, null, NOW);

    @BeforeEach
    void aCatalog() throws Exception {
        DatastoreVersion version = mock(DatastoreVersion.class);
        Datastore datastore = mock(Datastore.class);
        given(datastore.getManager()).willReturn("somestore");
        given(version.getDatastore()).willReturn(datastore);
        given(version.getName()).willReturn("1.0");
        given(versions.findById(any())).willReturn(Optional.of(version));
        Flavor flavor = mock(Flavor.class);
        given(flavor.getRamMb()).willReturn(512);
        given(flavor.getVcpus()).willReturn(2);
        given(flavors.findById(any())).willReturn(Optional.of(flavor));
        given(remote.call(any(), anyString(), any())).willAnswer(call ->
                call.<RemoteCalls.Work<?, ?>>getArgument(2).run());
        node.placed(node.getId().toString(), "127.0.77.30", "localhost", NodeSecret.generate(), NOW);
        node.takeRole(Role.SEED, NOW);
    }

    @Test
    void theDriverLearnsTheNodesGroupRoleRegionAndFlavor() throws Exception {
        given(compute.provision(any())).willAnswer(call -> {
            asked.set(call.getArgument(0));
            return new NodePlacement(node.getId().toString(), "127.0.77.30", "localhost");
        });

        assertThat(builder.spawn(node)).isTrue();

        assertThat(asked.get()).satisfies(spec -> {
            assertThat(spec.group()).isEqualTo(clusterId.toString());
            assertThat(spec.role()).isEqualTo(Role.SEED);
            assertThat(spec.region()).isEqualTo("eu-1");
            assertThat(spec.ramMb()).isEqualTo(512);
            assertThat(spec.vcpus()).isEqualTo(2);
            assertThat(spec.volumeSizeGb()).isEqualTo(3);
        });
        assertThat(node.getIp()).isEqualTo("127.0.77.30");
    }

    @Test
    void aDriverThatNamesItsNodesGivesTheAddressPeersAreTold() throws Exception {
        String name = "node-" + node.getId();
        given(compute.provision(any())).willReturn(new NodePlacement(name, name, name));

        builder.spawn(node);

        assertThat(node.getIp()).isEqualTo(name);
        assertThat(node.getHostname()).isEqualTo(name);
        assertThat(node.secret()).isPresent();
    }
}

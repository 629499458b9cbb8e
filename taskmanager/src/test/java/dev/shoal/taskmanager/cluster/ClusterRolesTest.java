package dev.shoal.taskmanager.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.shoal.contracts.Role;
import dev.shoal.domain.cluster.Cluster;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.task.Task;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.node.DriverRoles;
import dev.shoal.taskmanager.node.NodeGroups;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A cluster is said to be ready only once the compute driver has the parts its nodes were given after being made. */
class ClusterRolesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");

    private final ClusterNodes clusterNodes = mock(ClusterNodes.class);
    private final ComputeDriver compute = mock(ComputeDriver.class);
    private final Task task = mock(Task.class);
    private final Cluster cluster = mock(Cluster.class);
    private final Node master = node(Role.MASTER);
    private final Node replica = node(Role.REPLICA);
    private final ClusterSteps steps = new ClusterSteps(clusterNodes, null, null, null, null,
            new DriverRoles(compute, mock(NodeGroups.class)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void aClusterWhoseMembersFormedIt() {
        given(task.getId()).willReturn(UUID.randomUUID());
        given(clusterNodes.context(task)).willReturn(new ClusterContext(task, cluster, null, List.of(master, replica),
                List.of(master, replica), Optional.empty()));
    }

    @Test
    void theComputeDriverLearnsEveryMembersRoleBeforeTheClusterIsReady() throws Exception {
        assertThat(steps.complete(task)).isEqualTo(StepOutcome.DONE);

        verify(compute).assignRole(master.getId().toString(), Role.MASTER);
        verify(compute).assignRole(replica.getId().toString(), Role.REPLICA);
        verify(cluster).finishTask(NOW);
    }

    @Test
    void waitsWhileTheComputeDriverCannotTakeThem() throws Exception {
        String masterId = master.getId().toString();
        willThrow(new ComputeException("the API server does not answer", null)).given(compute)
                .assignRole(masterId, Role.MASTER);

        assertThat(steps.complete(task)).isEqualTo(StepOutcome.WAIT);

        verify(cluster, never()).finishTask(any());
        verify(master, never()).finishTask(any());
    }

    private static Node node(Role role) {
        Node node = mock(Node.class);
        given(node.getId()).willReturn(UUID.randomUUID());
        given(node.getRole()).willReturn(role);
        return node;
    }
}

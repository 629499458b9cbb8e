package dev.shoal.taskmanager.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.shoal.contracts.Role;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.node.DriverRoles;
import dev.shoal.taskmanager.node.NodeGroups;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** A detached replica is said to take writes only once the compute driver routes its writer address to it. */
class DetachReplicaRolesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");

    private final ReplicaSet replicas = mock(ReplicaSet.class);
    private final ComputeDriver compute = mock(ComputeDriver.class);
    private final Task task = mock(Task.class);
    private final Node node = mock(Node.class);
    private final UUID nodeId = UUID.randomUUID();
    private final NodeGroups groups = mock(NodeGroups.class);
    private final DetachReplicaWorkflow workflow = new DetachReplicaWorkflow(replicas, null,
            new DriverRoles(compute, groups), null, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void aReplicaThatStoppedFollowing() {
        UUID instance = UUID.randomUUID();
        given(task.getId()).willReturn(UUID.randomUUID());
        given(task.getResourceId()).willReturn(instance);
        given(replicas.nodeOf(instance)).willReturn(node);
        given(node.getId()).willReturn(nodeId);
        given(node.getRole()).willReturn(Role.MASTER);
        given(node.getTask()).willReturn(NodeTask.DETACHING);
        given(groups.of(node)).willReturn(instance.toString());
    }

    @Test
    void theComputeDriverLearnsItIsTheMasterOfASetOfItsOwnBeforeTheDetachEnds() throws Exception {
        assertThat(workflow.steps()).extracting(step -> step.name()).containsExactly("DETACH", "FINISH");

        assertThat(workflow.finish(task)).isEqualTo(StepOutcome.DONE);

        InOrder order = inOrder(compute);
        order.verify(compute).assignGroup(nodeId.toString(), task.getResourceId().toString());
        order.verify(compute).assignRole(nodeId.toString(), Role.MASTER);
        verify(node).finishTask(NOW);
    }

    @Test
    void waitsWhileTheComputeDriverCannotTakeIt() throws Exception {
        willThrow(new ComputeException("the API server does not answer", null)).given(compute)
                .assignRole(nodeId.toString(), Role.MASTER);

        assertThat(workflow.finish(task)).isEqualTo(StepOutcome.WAIT);

        verify(node, never()).finishTask(any());
    }

    @Test
    void aNodeBeingDeletedIsNotToldAnything() throws Exception {
        given(node.getTask()).willReturn(NodeTask.DELETING);

        assertThat(workflow.finish(task)).isEqualTo(StepOutcome.SUPERSEDED);

        verify(compute, never()).assignRole(any(), any());
    }
}

package dev.shoal.taskmanager.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A switchover ends only once the compute driver shows every member's new role (Kubernetes' writer Service). */
class SwitchoverRolesTest {

    private final ReplicaSet replicas = mock(ReplicaSet.class);
    private final ComputeDriver compute = mock(ComputeDriver.class);
    private final Task task = mock(Task.class);
    private final SwitchoverSteps steps = new SwitchoverSteps(replicas, null, null, null, null,
            new DriverRoles(compute, mock(NodeGroups.class)),
            Clock.fixed(Instant.parse("2026-12-07T07:00:00Z"), ZoneOffset.UTC));
    private final UUID oldMaster = UUID.randomUUID();
    private final UUID candidate = UUID.randomUUID();
    private final UUID replica = UUID.randomUUID();
    private final Node newMaster = member(candidate, Role.MASTER);

    @BeforeEach
    void aSetWhoseCandidateTookOver() {
        given(task.getId()).willReturn(UUID.randomUUID());
        given(replicas.switchover(task)).willReturn(new SwitchoverParameters(oldMaster, candidate, List.of(replica),
                null, null));
        given(replicas.replicasOf(oldMaster)).willReturn(List.of());
        member(oldMaster, null);
        member(replica, Role.REPLICA);
    }

    @Test
    void theComputeDriverLearnsEveryMembersRoleBeforeTheSwitchoverEnds() throws Exception {
        assertThat(steps.finishStep(task)).isEqualTo(StepOutcome.DONE);

        verify(compute).assignRole(candidate.toString(), Role.MASTER);
        verify(compute).assignRole(replica.toString(), Role.REPLICA);
        verify(compute).assignRole(oldMaster.toString(), null);
        verify(newMaster).finishTask(Instant.parse("2026-12-07T07:00:00Z"));
    }

    @Test
    void waitsWhileTheComputeDriverCannotTakeThem() throws Exception {
        willThrow(new ComputeException("the API server does not answer", null)).given(compute)
                .assignRole(candidate.toString(), Role.MASTER);

        assertThat(steps.finishStep(task)).isEqualTo(StepOutcome.WAIT);

        verify(newMaster, never()).finishTask(org.mockito.ArgumentMatchers.any());
    }

    private Node member(UUID id, Role role) {
        Node node = mock(Node.class);
        given(node.getId()).willReturn(id);
        given(node.getRole()).willReturn(role);
        given(node.getTask()).willReturn(NodeTask.PROMOTING);
        given(replicas.nodeOf(id)).willReturn(node);
        given(replicas.instanceOf(id)).willReturn(Optional.empty());
        return node;
    }
}

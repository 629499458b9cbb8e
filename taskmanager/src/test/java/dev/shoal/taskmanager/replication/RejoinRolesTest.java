package dev.shoal.taskmanager.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.Role;
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
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An old master rejoins as a replica only once the compute driver no longer counts it the set's writer. */
class RejoinRolesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");

    private final ReplicaSet replicas = mock(ReplicaSet.class);
    private final ComputeDriver compute = mock(ComputeDriver.class);
    private final Task task = mock(Task.class);
    private final Node oldMaster = mock(Node.class);
    private final UUID oldMasterId = UUID.randomUUID();
    private final MessageCodec codec = new MessageCodec();
    private final RejoinWorkflow workflow = new RejoinWorkflow(replicas, null, null,
            new DriverRoles(compute, mock(NodeGroups.class)), null,
            codec, null, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void anOldMasterThatReplicates() {
        given(task.getId()).willReturn(UUID.randomUUID());
        given(task.getParameters()).willReturn(codec.mapper().writeValueAsString(
                new RejoinParameters(oldMasterId, UUID.randomUUID(), null)));
        given(replicas.nodeOf(oldMasterId)).willReturn(oldMaster);
        given(replicas.instanceOf(oldMasterId)).willReturn(Optional.empty());
        given(oldMaster.getId()).willReturn(oldMasterId);
        given(oldMaster.getRole()).willReturn(Role.REPLICA);
    }

    @Test
    void theComputeDriverLearnsItIsAReplicaBeforeTheRejoinEnds() throws Exception {
        assertThat(workflow.finish(task)).isEqualTo(StepOutcome.DONE);

        verify(compute).assignRole(oldMasterId.toString(), Role.REPLICA);
        verify(oldMaster).finishTask(NOW);
    }

    @Test
    void waitsWhileTheComputeDriverCannotTakeIt() throws Exception {
        willThrow(new ComputeException("the API server does not answer", null)).given(compute)
                .assignRole(oldMasterId.toString(), Role.REPLICA);

        assertThat(workflow.finish(task)).isEqualTo(StepOutcome.WAIT);

        verify(oldMaster, never()).finishTask(any());
    }
}

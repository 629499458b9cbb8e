package dev.shoal.taskmanager.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.Role;
import dev.shoal.datastore.Ability;
import dev.shoal.datastore.Composition;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.datastore.Naming;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.task.Task;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whether an old master's history is compared with the new master's before it rejoins is its datastore's to say. */
class RejoinHistoryTest {

    private final ReplicaSet replicas = mock(ReplicaSet.class);
    private final SwitchoverSteps switchover = mock(SwitchoverSteps.class);
    private final Task task = mock(Task.class);
    private final Node oldMaster = mock(Node.class);
    private final Node newMaster = mock(Node.class);
    private final MessageCodec codec = new MessageCodec();
    private final RejoinWorkflow workflow = new RejoinWorkflow(replicas, switchover, null, null, null, codec, null,
            Clock.systemUTC());

    @BeforeEach
    void anOldMasterAndTheNewOne() {
        UUID oldId = UUID.randomUUID();
        UUID newId = UUID.randomUUID();
        given(task.getParameters()).willReturn(codec.mapper().writeValueAsString(
                new RejoinParameters(oldId, newId, null)));
        given(replicas.nodeOf(oldId)).willReturn(oldMaster);
        given(replicas.nodeOf(newId)).willReturn(newMaster);
        given(switchover.latestTxnId(oldMaster, task)).willReturn("0-1-9");
        given(switchover.latestTxnId(newMaster, task)).willReturn("0-2-7");
    }

    @Test
    void anOldMasterHoldingWhatTheNewOneLacksIsRefusedAsDiverged() {
        given(replicas.datastoreOf(oldMaster)).willReturn(datastore());

        assertThatThrownBy(() -> workflow.compareHistory(task)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("diverged");
    }

    @Test
    void aDatastoreThatDiscardsAForkedTailItselfIsNotCompared() throws StepFailure {
        given(replicas.datastoreOf(oldMaster)).willReturn(datastore(Ability.DISCARDS_FORKED_HISTORY));

        assertThat(workflow.compareHistory(task)).isEqualTo(StepOutcome.DONE);
        verifyNoInteractions(switchover);
    }

    private static DatastoreDescriptor datastore(Ability... abilities) {
        return new DatastoreDescriptor("replicated", "Replicated", 1, Set.of(DatastoreDescriptor.MEMBER),
                Set.of(Role.MASTER, Role.REPLICA), Composition.FREE, Naming.NONE, Set.of(abilities));
    }
}

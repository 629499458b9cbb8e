package dev.shoal.guest.spi.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import dev.shoal.guest.spi.Replicated;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a datastore with a master and read-only replicas does against its real servers: a replica made from a snapshot
 * applies what the master writes, each commit held by it before the master acknowledges it, until it is detached; a
 * master that stops writing hands over to a replica that caught up, with nothing lost, the old master following the
 * new one; a master whose server started again unasked takes no writes until the control plane says so.
 */
public interface ReplicatedContract {

    Duration CATCH_UP = Duration.ofSeconds(30);

    /** A new node of the datastore, prepared and serving; a different one on each call. */
    Replicated newNode() throws Exception;

    /** Writes something more on {@code master}, as a client would. */
    void write(Replicated master) throws Exception;

    /** The replication password {@code snapshot} carries, opened as the task manager opens it for a replica. */
    String replicationPassword(Replicated master, ReplicationSnapshot snapshot);

    /** Kills the node's server as a crash would, then has its manager start it again unasked, as its agent does. */
    void crashAndStartAgain(Replicated node) throws Exception;

    @Test
    default void aMasterStartedAgainUnaskedRefusesWritesUntilTheControlPlaneMakesItWritable() throws Exception {
        Replicated master = newNode();
        write(master);
        assertThat(master.awaitingConfirmation()).isFalse();

        crashAndStartAgain(master);

        assertThat(master.awaitingConfirmation()).isTrue();
        assertThat(master.replicationStatus().readOnly()).isTrue();
        assertThatThrownBy(() -> write(master)).as("a client's write").isInstanceOf(Exception.class);
        master.makeReadOnly(false);
        assertThat(master.awaitingConfirmation()).isFalse();
        write(master);
    }

    @Test
    default void aReplicaStartedAgainUnaskedFollowsReadOnlyAndAwaitsNothing() throws Exception {
        Replicated master = newNode();
        Replicated replica = newNode();
        write(master);
        ReplicationSnapshot snapshot = master.createReplicationSnapshot("contract-crash");
        replica.attachReplica(snapshot, replicationPassword(master, snapshot));

        crashAndStartAgain(replica);
        write(master);

        assertThat(replica.awaitingConfirmation()).isFalse();
        assertThat(replica.waitForTxn(master.latestTxnId(), CATCH_UP)).isTrue();
        assertThat(replica.replicationStatus().readOnly()).isTrue();
        master.deleteReplicationSnapshot("contract-crash");
    }

    @Test
    default void aReplicaMadeFromASnapshotAppliesWhatTheMasterWritesUntilDetached() throws Exception {
        Replicated master = newNode();
        Replicated replica = newNode();
        write(master);
        ReplicationSnapshot snapshot = master.createReplicationSnapshot("contract-follow");

        replica.attachReplica(snapshot, replicationPassword(master, snapshot));
        write(master);

        assertThat(replica.waitForTxn(master.latestTxnId(), CATCH_UP)).isTrue();
        ReplicationStatus following = replica.replicationStatus();
        assertThat(following.replica()).isTrue();
        assertThat(following.readOnly()).isTrue();
        assertThat(following.received()).as("what it received, all applied").isNotNull();
        assertThat(replica.waitForTxn(following.received(), CATCH_UP)).isTrue();
        assertThat(master.replicationStatus().replica()).isFalse();
        assertThat(replica.followedMaster()).as("the master it probes").isPresent();
        assertThat(master.followedMaster()).isEmpty();
        assertThat(replica.syncReplication()).as("a replica's commits are not acknowledged by others").isEmpty();
        await("the master's commits held by its replica").atMost(CATCH_UP).untilAsserted(() -> {
            write(master);
            assertThat(master.syncReplication()).contains(true);
        });

        replica.detachReplica();
        assertThat(replica.followedMaster()).isEmpty();
        assertThat(replica.replicationStatus().replica()).isFalse();
        assertThat(replica.replicationStatus().readOnly()).isFalse();
        master.deleteReplicationSnapshot("contract-follow");
        master.deleteReplicationSnapshot("contract-follow");
    }

    @Test
    default void aMasterThatStopsWritingHandsOverWithNothingLost() throws Exception {
        Replicated master = newNode();
        Replicated candidate = newNode();
        write(master);
        ReplicationSnapshot snapshot = master.createReplicationSnapshot("contract-handover");
        candidate.attachReplica(snapshot, replicationPassword(master, snapshot));
        write(master);

        master.makeReadOnly(true);
        String last = master.latestTxnId();
        assertThat(candidate.waitForTxn(last, CATCH_UP)).as("the candidate applied the master's last write").isTrue();
        ReplicationSnapshot source = candidate.enableAsMaster();
        master.demoteReplicationMaster();
        master.attachReplica(source, replicationPassword(candidate, source));
        write(candidate);

        assertThat(candidate.replicationStatus().replica()).isFalse();
        assertThat(master.waitForTxn(candidate.latestTxnId(), CATCH_UP)).as("the old master follows the new one")
                .isTrue();
        assertThat(master.replicationStatus().readOnly()).isTrue();
    }
}

package dev.shoal.guestagent.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import dev.shoal.guest.spi.Replicated;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A node's watch for failover: its probe of the master's port against a real socket, and its master's sync state. */
class ReplicationWatchTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    private final AtomicInteger reports = new AtomicInteger();
    private final Node node = new Node();
    private final ReplicationWatch watch = new ReplicationWatch(node, reports::incrementAndGet,
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(500));

    @Test
    void aMasterThatStopsListeningIsUnreachableSinceTheFirstFailedProbeAndToldOnceEachWay() throws Exception {
        InetSocketAddress address;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            address = new InetSocketAddress("127.0.0.1", server.getLocalPort());
            node.master = Optional.of(address);
            watch.watch();
            assertThat(watch.report().masterUnreachableSince()).isNull();
            assertThat(reports).hasValue(0);
        }

        watch.watch();
        watch.watch();
        assertThat(watch.report().masterUnreachableSince()).isEqualTo(NOW);
        assertThat(reports).as("told at once, and once").hasValue(1);

        try (ServerSocket back = new ServerSocket(address.getPort(), 1, InetAddress.getByName("127.0.0.1"))) {
            watch.watch();
            assertThat(watch.report().masterUnreachableSince()).isNull();
            assertThat(reports).hasValue(2);
        }
    }

    @Test
    void aMasterWhoseCommitsStopBeingHeldByAReplicaSaysSoAtOnce() {
        node.sync = Optional.of(true);
        watch.watch();
        watch.watch();
        assertThat(watch.report().syncReplication()).isTrue();
        assertThat(reports).hasValue(1);

        node.sync = Optional.of(false);
        watch.watch();

        assertThat(watch.report().syncReplication()).isFalse();
        assertThat(reports).hasValue(2);
        assertThat(watch.report().masterUnreachableSince()).as("a master follows nobody").isNull();
    }

    @Test
    void aMasterWhoseServerDoesNotAnswerCannotSayAndAwaitingIsToldAsItIs() {
        node.sync = null;
        node.awaiting = true;

        watch.watch();

        assertThat(watch.report().syncReplication()).isNull();
        assertThat(watch.report().awaitingConfirmation()).isTrue();
    }

    /** The replication state the watch reads; what a watch never asks is refused. */
    private static final class Node implements Replicated {

        private Optional<InetSocketAddress> master = Optional.empty();
        private Optional<Boolean> sync = Optional.empty();
        private boolean awaiting;

        @Override
        public Optional<InetSocketAddress> followedMaster() {
            return master;
        }

        @Override
        public Optional<Boolean> syncReplication() throws Exception {
            if (sync == null) {
                throw new java.sql.SQLException("the server does not answer");
            }
            return sync;
        }

        @Override
        public boolean awaitingConfirmation() {
            return awaiting;
        }

        @Override
        public ReplicationSnapshot createReplicationSnapshot(String snapshotId) {
            throw new AssertionError("a watch takes no snapshot");
        }

        @Override
        public void deleteReplicationSnapshot(String snapshotId) {
            throw new AssertionError("a watch deletes nothing");
        }

        @Override
        public void attachReplica(ReplicationSnapshot snapshot, String replicationPassword) {
            throw new AssertionError("a watch changes nothing");
        }

        @Override
        public ReplicationSnapshot promoteToReplicaSource() {
            throw new AssertionError("a watch changes nothing");
        }

        @Override
        public void makeReadOnly(boolean readOnly) {
            throw new AssertionError("a watch changes nothing");
        }

        @Override
        public String latestTxnId() {
            throw new AssertionError("a watch reads no position");
        }

        @Override
        public boolean waitForTxn(String txnId, Duration timeout) {
            throw new AssertionError("a watch waits for nothing");
        }

        @Override
        public void demoteReplicationMaster() {
            throw new AssertionError("a watch changes nothing");
        }

        @Override
        public void detachReplica() {
            throw new AssertionError("a watch changes nothing");
        }

        @Override
        public ReplicationStatus replicationStatus() {
            throw new AssertionError("a watch reads no status");
        }
    }
}

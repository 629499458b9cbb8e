package dev.shoal.guestagent.rpc;

import com.rabbitmq.client.Delivery;
import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.conductor.Report;
import dev.shoal.contracts.guest.BackupRequest;
import dev.shoal.contracts.guest.ClusterMembers;
import dev.shoal.contracts.guest.CreateDatabases;
import dev.shoal.contracts.guest.CreateUsers;
import dev.shoal.contracts.guest.DatabaseSchema;
import dev.shoal.contracts.guest.DatabaseUser;
import dev.shoal.contracts.guest.DeleteDatabase;
import dev.shoal.contracts.guest.UserAccess;
import dev.shoal.contracts.guest.EnableRoot;
import dev.shoal.contracts.guest.FilesystemStats;
import dev.shoal.contracts.guest.LatestTxn;
import dev.shoal.contracts.guest.MakeReadOnly;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.Reply;
import dev.shoal.contracts.guest.ResetConfiguration;
import dev.shoal.contracts.guest.ResizeFs;
import dev.shoal.contracts.guest.SnapshotRequest;
import dev.shoal.contracts.guest.WaitForTxn;
import dev.shoal.guestagent.DatabaseAccounts;
import dev.shoal.guestagent.DatastoreManager;
import dev.shoal.guestagent.GuestConfig;
import dev.shoal.guestagent.heartbeat.VolumeUsage;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns verified messages into datastore work. Casts run on a worker so the consumer stays free;
 * their outcome goes to the conductor as a report. Calls are answered on the caller's reply queue.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final GuestConfig config;
    private final DatastoreManager datastore;
    private final GuestChannel channel;
    private final MessageVerifier verifier;
    private final MessageCodec codec;
    private final Clock clock;
    private final ExecutorService worker;
    private final Runnable statusChanged;
    private final FenceKeeper fences;

    public Dispatcher(GuestConfig config, DatastoreManager datastore, GuestChannel channel,
                      MessageVerifier verifier, MessageCodec codec, Clock clock, ExecutorService worker,
                      Runnable statusChanged) {
        this.config = config;
        this.datastore = datastore;
        this.channel = channel;
        this.verifier = verifier;
        this.codec = codec;
        this.clock = clock;
        this.worker = worker;
        this.statusChanged = statusChanged;
        this.fences = new FenceKeeper(config.nodeDir());
    }

    public void onDelivery(String consumerTag, Delivery delivery) throws IOException {
        Object signature = delivery.getProperties().getHeaders() == null ? null
                : delivery.getProperties().getHeaders().get(Routing.SIGNATURE_HEADER);
        MessageVerifier.Verdict verdict = verifier.verify(delivery.getBody(),
                signature == null ? null : signature.toString());
        channel.ack(delivery.getEnvelope().getDeliveryTag());
        if (!verdict.accepted()) {
            log.warn("dropped a message on node {}: {}", config.nodeId(), verdict.reason());
            return;
        }
        Envelope envelope = verdict.envelope().orElseThrow();
        String replyTo = delivery.getProperties().getReplyTo();
        String correlationId = delivery.getProperties().getCorrelationId();
        worker.submit(() -> handle(envelope, replyTo, correlationId));
    }

    private void handle(Envelope envelope, String replyTo, String correlationId) {
        try {
            fences.admit(envelope);
            Object result = execute(envelope);
            if (replyTo != null) {
                reply(replyTo, correlationId, envelope, Reply.success(codec.mapper().valueToTree(result)));
            } else {
                report(envelope, true, null);
            }
        } catch (Exception e) {
            log.error("{} failed on node {}: {}", envelope.type(), config.nodeId(), e.getMessage());
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (replyTo != null) {
                reply(replyTo, correlationId, envelope, Reply.failure(message));
            } else {
                report(envelope, false, message);
            }
        } finally {
            statusChanged.run();
        }
    }

    private Object execute(Envelope envelope) throws Exception {
        return switch (envelope.type()) {
            case MessageTypes.PREPARE -> {
                datastore.prepare(codec.payload(envelope, Prepare.class));
                yield null;
            }
            case MessageTypes.ENABLE_ROOT -> {
                EnableRoot request = codec.payload(envelope, EnableRoot.class);
                datastore.enableRoot(SecretBox.open(config.secret(), request.sealedPassword()));
                yield null;
            }
            case MessageTypes.STOP_DB -> {
                datastore.stop();
                yield null;
            }
            case MessageTypes.RESTART -> {
                datastore.restart();
                yield null;
            }
            case MessageTypes.GET_FILESYSTEM_STATS -> new FilesystemStats(VolumeUsage.bytesUnder(config.nodeDir()),
                    datastore.volumeTotalBytes() == null ? 0 : datastore.volumeTotalBytes());
            case MessageTypes.RESIZE_FS -> {
                datastore.resizeVolume(codec.payload(envelope, ResizeFs.class).volumeSizeGb());
                yield null;
            }
            case MessageTypes.RESET_CONFIGURATION -> new ResetConfiguration.Resized(datastore.resetConfiguration(
                    codec.payload(envelope, ResetConfiguration.class).memoryMb()));
            case MessageTypes.GET_CLUSTER_STATUS -> datastore.clusterStatus();
            case MessageTypes.ADD_MEMBERS -> {
                datastore.addMembers(codec.payload(envelope, ClusterMembers.class));
                yield null;
            }
            case MessageTypes.REMOVE_MEMBERS -> {
                datastore.removeMembers(codec.payload(envelope, ClusterMembers.class));
                yield null;
            }
            case MessageTypes.DECOMMISSION -> {
                datastore.decommission();
                yield null;
            }
            case MessageTypes.CLUSTER_COMPLETE -> {
                datastore.clusterComplete();
                yield null;
            }
            case MessageTypes.CREATE_BACKUP -> datastore.createBackup(
                    codec.payload(envelope, BackupRequest.class).backupId());
            case MessageTypes.DELETE_BACKUP -> {
                datastore.deleteBackup(codec.payload(envelope, BackupRequest.class).backupId());
                yield null;
            }
            case MessageTypes.CREATE_REPLICATION_SNAPSHOT -> datastore.createReplicationSnapshot(
                    codec.payload(envelope, SnapshotRequest.class).snapshotId());
            case MessageTypes.DELETE_REPLICATION_SNAPSHOT -> {
                datastore.deleteReplicationSnapshot(codec.payload(envelope, SnapshotRequest.class).snapshotId());
                yield null;
            }
            case MessageTypes.ATTACH_REPLICA -> {
                ReplicationSnapshot snapshot = codec.payload(envelope, ReplicationSnapshot.class);
                datastore.attachReplica(snapshot,
                        SecretBox.open(config.secret(), snapshot.sealedReplicationPassword()));
                yield null;
            }
            case MessageTypes.DETACH_REPLICA -> {
                datastore.detachReplica();
                yield null;
            }
            case MessageTypes.GET_REPLICATION_STATUS -> datastore.replicationStatus();
            case MessageTypes.PROMOTE_TO_REPLICA_SOURCE -> datastore.promoteToReplicaSource();
            case MessageTypes.ENABLE_AS_MASTER -> datastore.enableAsMaster();
            case MessageTypes.MAKE_READ_ONLY -> {
                datastore.makeReadOnly(codec.payload(envelope, MakeReadOnly.class).readOnly());
                yield null;
            }
            case MessageTypes.GET_LATEST_TXN_ID -> new LatestTxn(datastore.latestTxnId());
            case MessageTypes.WAIT_FOR_TXN -> {
                WaitForTxn request = codec.payload(envelope, WaitForTxn.class);
                yield new WaitForTxn.Reached(datastore.waitForTxn(request.txnId(), request.timeout()));
            }
            case MessageTypes.DEMOTE_REPLICATION_MASTER -> {
                datastore.demoteReplicationMaster();
                yield null;
            }
            case MessageTypes.UPDATE_OVERRIDES -> datastore.applyOverrides(
                    codec.payload(envelope, dev.shoal.contracts.guest.ConfigurationOverrides.class));
            case MessageTypes.CREATE_DATABASE, MessageTypes.DELETE_DATABASE, MessageTypes.CREATE_USER,
                 MessageTypes.DELETE_USER, MessageTypes.GRANT_ACCESS, MessageTypes.REVOKE_ACCESS -> {
                accountChange(envelope);
                yield null;
            }
            default -> throw new IllegalArgumentException("unknown method " + envelope.type());
        };
    }

    private void accountChange(Envelope envelope) throws Exception {
        if (!(datastore instanceof DatabaseAccounts accounts)) {
            throw new UnsupportedOperationException(datastore.name() + " does not support databases and users");
        }
        switch (envelope.type()) {
            case MessageTypes.CREATE_DATABASE -> {
                for (DatabaseSchema database : codec.payload(envelope, CreateDatabases.class).databases()) {
                    accounts.createDatabase(database);
                }
            }
            case MessageTypes.DELETE_DATABASE -> accounts.deleteDatabase(
                    codec.payload(envelope, DeleteDatabase.class).name());
            case MessageTypes.CREATE_USER -> {
                for (DatabaseUser user : codec.payload(envelope, CreateUsers.class).users()) {
                    accounts.createUser(user.name(), user.host(), SecretBox.open(config.secret(),
                            user.sealedPassword()), user.databases());
                }
            }
            case MessageTypes.DELETE_USER -> {
                UserAccess user = codec.payload(envelope, UserAccess.class);
                accounts.deleteUser(user.name(), user.host());
            }
            case MessageTypes.GRANT_ACCESS -> {
                UserAccess access = codec.payload(envelope, UserAccess.class);
                accounts.grantAccess(access.name(), access.host(), access.databases());
            }
            default -> {
                UserAccess access = codec.payload(envelope, UserAccess.class);
                accounts.revokeAccess(access.name(), access.host(), access.databases());
            }
        }
    }

    /**
     * A task manager's reply queue is reached through the shoal exchange, which a node's own broker account may publish
     * to; any other reply-to is that of an older task manager (RabbitMQ's direct reply-to, a temporary queue), whose
     * guests still hold its broker credentials and reach it through the default exchange.
     */
    private void reply(String replyTo, String correlationId, Envelope request, Reply reply) {
        String exchange = Routing.isReplyQueue(replyTo) ? Routing.EXCHANGE : "";
        publish(exchange, replyTo, codec.envelope(MessageTypes.REPLY, clock.instant(), request.correlationId(),
                request.tenantId(), config.nodeId(), reply), correlationId);
    }

    private void report(Envelope request, boolean ok, String message) {
        publish(Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE, codec.envelope(MessageTypes.REPORT, clock.instant(),
                request.correlationId(), request.tenantId(), config.nodeId(),
                new Report(request.type(), ok, message)), request.id());
    }

    private void publish(String exchange, String routingKey, Envelope envelope, String correlationId) {
        try {
            channel.publish(exchange, routingKey, envelope, correlationId);
        } catch (IOException | RuntimeException e) {
            log.error("could not send {} from node {}: {}", envelope.type(), config.nodeId(), e.toString());
        }
    }
}

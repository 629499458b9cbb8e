package dev.shoal.guestagent.rpc;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.BackupRequest;
import dev.shoal.contracts.guest.ClusterMembers;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.contracts.guest.EnableRoot;
import dev.shoal.contracts.guest.FilesystemStats;
import dev.shoal.contracts.guest.GuestLog;
import dev.shoal.contracts.guest.LatestTxn;
import dev.shoal.contracts.guest.MakeReadOnly;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.PrepareTimes;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ResetConfiguration;
import dev.shoal.contracts.guest.ResizeFs;
import dev.shoal.contracts.guest.SnapshotRequest;
import dev.shoal.contracts.guest.WaitForTxn;
import dev.shoal.guest.spi.Accounts;
import dev.shoal.guest.spi.Backups;
import dev.shoal.guest.spi.Clustered;
import dev.shoal.guest.spi.Configurable;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.Decommission;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.Membership;
import dev.shoal.guest.spi.PreparePhases;
import dev.shoal.guest.spi.Replicated;
import dev.shoal.guest.spi.Resizable;
import dev.shoal.guestagent.heartbeat.VolumeUsage;
import java.util.stream.Stream;

/**
 * One guest call, run on the node's datastore: what every datastore does directly, what only some do through the
 * ability it takes. A datastore without that ability answers the call with an error naming what it lacks.
 */
final class DatastoreCalls {

    private final GuestConfig config;
    private final DatastoreManager datastore;
    private final MessageCodec codec;
    private final AccountCalls accounts;
    private final PreparePhases agentPhases;
    private final LogCalls logs;

    DatastoreCalls(GuestConfig config, DatastoreManager datastore, MessageCodec codec) {
        this(config, datastore, codec, new PreparePhases());
    }

    /** @param agentPhases what this agent timed of its own start */
    DatastoreCalls(GuestConfig config, DatastoreManager datastore, MessageCodec codec, PreparePhases agentPhases) {
        this.agentPhases = agentPhases;
        this.config = config;
        this.datastore = datastore;
        this.codec = codec;
        this.accounts = new AccountCalls(config, codec);
        this.logs = new LogCalls(datastore);
    }

    /** @return the call's answer, {@code null} for a call answered by its success alone */
    Object execute(Envelope envelope) throws Exception {
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
            case MessageTypes.GET_PREPARE_TIMES -> new PrepareTimes(Stream.concat(agentPhases.recorded().stream(),
                    datastore.preparePhases().stream()).toList());
            case MessageTypes.RESIZE_FS -> {
                datastore.resizeVolume(codec.payload(envelope, ResizeFs.class).volumeSizeGb());
                yield null;
            }
            case MessageTypes.RESET_CONFIGURATION -> new ResetConfiguration.Resized(
                    ability(Resizable.class, "flavor resize").resetConfiguration(
                            codec.payload(envelope, ResetConfiguration.class).memoryMb()));
            case MessageTypes.UPDATE_OVERRIDES -> ability(Configurable.class, "configuration groups")
                    .applyOverrides(codec.payload(envelope, ConfigurationOverrides.class));
            case MessageTypes.GUEST_LOG_LIST -> logs.list();
            case MessageTypes.GUEST_LOG_ACTION -> logs.act(codec.payload(envelope, GuestLog.Action.class));
            case MessageTypes.GET_CLUSTER_STATUS, MessageTypes.CLUSTER_COMPLETE, MessageTypes.ADD_MEMBERS,
                 MessageTypes.REMOVE_MEMBERS, MessageTypes.DECOMMISSION -> cluster(envelope);
            case MessageTypes.CREATE_BACKUP -> ability(Backups.class, "backups")
                    .createBackup(codec.payload(envelope, BackupRequest.class).backupId());
            case MessageTypes.DELETE_BACKUP -> {
                ability(Backups.class, "backups")
                        .deleteBackup(codec.payload(envelope, BackupRequest.class).backupId());
                yield null;
            }
            case MessageTypes.CREATE_DATABASE, MessageTypes.DELETE_DATABASE, MessageTypes.CREATE_USER,
                 MessageTypes.DELETE_USER, MessageTypes.GRANT_ACCESS, MessageTypes.REVOKE_ACCESS -> {
                accounts.change(ability(Accounts.class, "databases and users"), envelope);
                yield null;
            }
            case MessageTypes.CREATE_REPLICATION_SNAPSHOT, MessageTypes.DELETE_REPLICATION_SNAPSHOT,
                 MessageTypes.ATTACH_REPLICA, MessageTypes.DETACH_REPLICA, MessageTypes.GET_REPLICATION_STATUS,
                 MessageTypes.PROMOTE_TO_REPLICA_SOURCE, MessageTypes.ENABLE_AS_MASTER, MessageTypes.MAKE_READ_ONLY,
                 MessageTypes.GET_LATEST_TXN_ID, MessageTypes.WAIT_FOR_TXN,
                 MessageTypes.DEMOTE_REPLICATION_MASTER -> replication(envelope);
            default -> throw new IllegalArgumentException("unknown method " + envelope.type());
        };
    }

    private Object cluster(Envelope envelope) throws Exception {
        switch (envelope.type()) {
            case MessageTypes.GET_CLUSTER_STATUS -> {
                return ability(Clustered.class, "cluster").clusterStatus();
            }
            case MessageTypes.CLUSTER_COMPLETE -> ability(Clustered.class, "cluster").clusterComplete();
            case MessageTypes.ADD_MEMBERS -> ability(Membership.class, "members added by one node")
                    .addMembers(codec.payload(envelope, ClusterMembers.class));
            case MessageTypes.REMOVE_MEMBERS -> ability(Membership.class, "members removed by one node")
                    .removeMembers(codec.payload(envelope, ClusterMembers.class));
            default -> ability(Decommission.class, "decommission").decommission();
        }
        return null;
    }

    private Object replication(Envelope envelope) throws Exception {
        Replicated replicated = ability(Replicated.class, "replication");
        switch (envelope.type()) {
            case MessageTypes.CREATE_REPLICATION_SNAPSHOT -> {
                return replicated.createReplicationSnapshot(
                        codec.payload(envelope, SnapshotRequest.class).snapshotId());
            }
            case MessageTypes.DELETE_REPLICATION_SNAPSHOT -> replicated.deleteReplicationSnapshot(
                    codec.payload(envelope, SnapshotRequest.class).snapshotId());
            case MessageTypes.ATTACH_REPLICA -> {
                ReplicationSnapshot snapshot = codec.payload(envelope, ReplicationSnapshot.class);
                replicated.attachReplica(snapshot,
                        SecretBox.open(config.secret(), snapshot.sealedReplicationPassword()));
            }
            case MessageTypes.DETACH_REPLICA -> replicated.detachReplica();
            case MessageTypes.GET_REPLICATION_STATUS -> {
                return replicated.replicationStatus();
            }
            case MessageTypes.PROMOTE_TO_REPLICA_SOURCE -> {
                return replicated.promoteToReplicaSource();
            }
            case MessageTypes.ENABLE_AS_MASTER -> {
                return replicated.enableAsMaster();
            }
            case MessageTypes.MAKE_READ_ONLY -> replicated.makeReadOnly(
                    codec.payload(envelope, MakeReadOnly.class).readOnly());
            case MessageTypes.GET_LATEST_TXN_ID -> {
                return new LatestTxn(replicated.latestTxnId());
            }
            case MessageTypes.WAIT_FOR_TXN -> {
                WaitForTxn request = codec.payload(envelope, WaitForTxn.class);
                return new WaitForTxn.Reached(replicated.waitForTxn(request.txnId(), request.timeout()));
            }
            default -> replicated.demoteReplicationMaster();
        }
        return null;
    }

    /** @throws MissingAbilityException when this node's datastore does not have the ability */
    private <A> A ability(Class<A> kind, String what) {
        return datastore.ability(kind).orElseThrow(() -> new MissingAbilityException(datastore.name(), what));
    }
}

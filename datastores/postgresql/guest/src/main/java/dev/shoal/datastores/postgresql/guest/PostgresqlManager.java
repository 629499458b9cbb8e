package dev.shoal.datastores.postgresql.guest;

import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.contracts.guest.DatabaseSchema;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import dev.shoal.contracts.guest.StoredBackup;
import dev.shoal.datastores.postgresql.PostgresqlDatastore;
import dev.shoal.guest.spi.Accounts;
import dev.shoal.guest.spi.Backups;
import dev.shoal.guest.spi.Configurable;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.PreparedDatastore;
import dev.shoal.guest.spi.Replicated;
import dev.shoal.guest.spi.Resizable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a real PostgreSQL server for one node: initdb, start, report, stop, as an unprivileged user when the agent
 * is root. The version a prepare asks for picks the binaries and is kept in the node directory, so a restarted agent
 * starts the same server again.
 */
public final class PostgresqlManager extends PreparedDatastore implements Accounts, Backups, Configurable, Replicated, Resizable {

    private static final Logger log = LoggerFactory.getLogger(PostgresqlManager.class);

    private final PostgresqlAdmin admin;
    private final PostgresqlAccounts accounts;
    private final PostgresqlOverrides overrides;
    private final PostgresqlServer server;
    private final PostgresqlWrites writes;
    private final PostgresqlReplication replication;
    private final PostgresqlBackups backups;
    private final PostgresqlNodeSetup setup;

    public PostgresqlManager(GuestConfig config) {
        super(config, "PostgreSQL");
        this.admin = new PostgresqlAdmin(config.nodeDir(), config.address());
        this.accounts = new PostgresqlAccounts(admin);
        this.overrides = new PostgresqlOverrides(admin);
        this.server = new PostgresqlServer(config.nodeDir(),
                PostgresqlOsUser.forAgent(config.setting("postgresql.os-user")), admin);
        this.setup = new PostgresqlNodeSetup(config, server);
        this.writes = new PostgresqlWrites(config.nodeDir(), admin, server, setup);
        this.replication = new PostgresqlReplication(config.nodeDir(), config.snapshotDir(), config.address(),
                config.secret(), admin, server, writes, setup);
        this.backups = new PostgresqlBackups(config.backupDir(), admin, server, setup);
    }

    @Override
    public String name() {
        return PostgresqlDatastore.NAME;
    }

    @Override
    protected void validate(Prepare request) {
        PostgresqlBinaries.major(request.version());
    }

    @Override
    protected void install(Prepare request) throws Exception {
        PostgresqlBinaries binaries = setup.binaries(request.version());
        if (!server.initialized() && request.restorePoint() != null) {
            phases.time("restore", () -> backups.restore(request.restorePoint(),
                    PostgresqlBinaries.major(request.version())));
        } else if (!server.initialized()) {
            phases.time("initdb", () -> server.initdb(binaries));
        }
        setup.record(request.version(), request.memoryMb());
        phases.time("server start", () -> server.start(binaries));
        if (request.restorePoint() != null) {
            // a backup of a master keeps no wish for replicas this node does not have
            writes.forgetSynchronousReplicas();
            log.info("node {}: backup {} restored", config.nodeId(), request.restorePoint().backupId());
        }
        if (!request.overrides().isEmpty()) {
            overrides.apply(new ConfigurationOverrides(request.overrides(), List.copyOf(request.overrides().keySet())));
        }
        if (request.sealedRootPassword() != null) {
            accounts.enableRoot(SecretBox.open(config.secret(), request.sealedRootPassword()));
        }
    }

    @Override
    protected boolean restoresBackups() {
        return true;
    }

    @Override
    protected void startPrepared() throws Exception {
        server.start(setup.binaries());
    }

    @Override
    protected void afterStart(Start how) throws Exception {
        writes.afterStart(how, replication.isReplica());
    }

    @Override
    protected Optional<ProcessHandle> serverProcess() {
        return server.handle();
    }

    @Override
    protected Path serverLog() {
        return file("postgres.log");
    }

    @Override
    protected Optional<String> unanswered() {
        try (Connection ignored = admin.connect()) {
            return Optional.empty();
        } catch (SQLException | IOException e) {
            return Optional.of("does not answer: " + e.getMessage());
        }
    }

    @Override
    protected void stopServer() throws Exception {
        server.stop();
    }

    /** A standby, read-only, replays its primary's root role: a cluster's root enable reaches every node alike. */
    @Override
    public void enableRoot(String password) throws SQLException, IOException {
        if (replication.isReplica()) {
            log.info("node {} replays root from its primary", config.nodeId());
            return;
        }
        accounts.enableRoot(password);
        log.info("root enabled for node {}", config.nodeId());
    }

    @Override
    public synchronized AppliedConfiguration applyOverrides(ConfigurationOverrides requested) throws Exception {
        AppliedConfiguration applied = overrides.apply(requested);
        log.info("node {}: configuration applied{}", config.nodeId(), applied.restartRequired().isEmpty() ? ""
                : "; a restart applies " + applied.restartRequired());
        return applied;
    }

    /**
     * PostgreSQL sizes its shared buffers only at start: a new flavor's memory is written for every later start and
     * applied by restarting the server at once, a moment without service rather than a flavor not in force.
     */
    @Override
    public synchronized long resetConfiguration(int memoryMb) throws Exception {
        setup.resize(memoryMb);
        if (admin.sharedBuffersBytes() != PostgresqlConfigFile.sharedBuffersMb(memoryMb) * 1024L * 1024) {
            restart();
        }
        long buffers = admin.sharedBuffersBytes();
        log.info("node {}: sized for {} MB of memory, shared buffers {} bytes", config.nodeId(), memoryMb, buffers);
        return buffers;
    }

    @Override
    public void createDatabase(DatabaseSchema database) throws SQLException, IOException {
        accounts.createDatabase(database);
        log.info("node {}: database {} created", config.nodeId(), database.name());
    }

    @Override
    public void deleteDatabase(String name) throws SQLException, IOException {
        accounts.deleteDatabase(name);
        log.info("node {}: database {} deleted", config.nodeId(), name);
    }

    @Override
    public void createUser(String name, String host, String password, List<String> databases)
            throws SQLException, IOException {
        accounts.createUser(name, host, password, databases);
        log.info("node {}: user {} created with access to {}", config.nodeId(), name, databases);
    }

    @Override
    public void deleteUser(String name, String host) throws SQLException, IOException {
        accounts.deleteUser(name, host);
        log.info("node {}: user {} deleted", config.nodeId(), name);
    }

    @Override
    public void grantAccess(String name, String host, List<String> databases) throws SQLException, IOException {
        accounts.grantAccess(name, host, databases);
        log.info("node {}: user {} granted {}", config.nodeId(), name, databases);
    }

    @Override
    public void revokeAccess(String name, String host, List<String> databases) throws SQLException, IOException {
        accounts.revokeAccess(name, host, databases);
        log.info("node {}: user {} revoked {}", config.nodeId(), name, databases);
    }

    @Override
    public ReplicationSnapshot createReplicationSnapshot(String snapshotId) throws Exception {
        ReplicationSnapshot snapshot = replication.createSnapshot(snapshotId);
        log.info("node {}: snapshot {} taken at {}", config.nodeId(), snapshotId, snapshot.gtidPosition());
        return snapshot;
    }

    @Override
    public void deleteReplicationSnapshot(String snapshotId) throws Exception {
        replication.deleteSnapshot(snapshotId);
    }

    @Override
    public synchronized void attachReplica(ReplicationSnapshot snapshot, String replicationPassword)
            throws Exception {
        replication.attach(snapshot, replicationPassword);
        log.info("node {} replicates from {} since {}", config.nodeId(), snapshot.masterAddress(),
                snapshot.gtidPosition());
    }

    @Override
    public synchronized ReplicationSnapshot promoteToReplicaSource() throws Exception {
        ReplicationSnapshot source = replication.promote();
        log.info("node {} promoted: the master at {}", config.nodeId(), source.gtidPosition());
        return source;
    }

    @Override
    public synchronized void makeReadOnly(boolean readOnly) throws Exception {
        writes.makeReadOnly(readOnly);
        log.info("node {} {}", config.nodeId(), readOnly ? "refuses writes" : "accepts writes again");
    }

    @Override
    public boolean awaitingConfirmation() {
        return writes.awaitingConfirmation();
    }

    @Override
    public Optional<InetSocketAddress> followedMaster() {
        return replication.followedMaster();
    }

    @Override
    public Optional<Boolean> syncReplication() throws Exception {
        return replication.isReplica() ? Optional.empty() : writes.heldByAReplica();
    }

    @Override
    public String latestTxnId() throws Exception {
        return replication.latestTxnId();
    }

    @Override
    public boolean waitForTxn(String txnId, Duration timeout) throws Exception {
        return replication.waitForTxn(txnId, timeout);
    }

    @Override
    public synchronized void demoteReplicationMaster() throws Exception {
        writes.makeReadOnly(true);
        log.info("node {} demoted: no longer a master", config.nodeId());
    }

    @Override
    public synchronized void detachReplica() throws Exception {
        replication.detach();
        log.info("node {} detached: a writable standalone server", config.nodeId());
    }

    @Override
    public ReplicationStatus replicationStatus() throws Exception {
        return replication.status();
    }

    @Override
    public StoredBackup createBackup(String backupId) throws Exception {
        StoredBackup stored = backups.create(backupId);
        log.info("node {}: backup {} written to {} ({} bytes)", config.nodeId(), backupId, stored.location(),
                stored.size());
        return stored;
    }

    @Override
    public void deleteBackup(String backupId) throws IOException {
        backups.delete(backupId);
    }

    /** The databases the server holds, templates aside. */
    List<String> databases() throws SQLException, IOException {
        return accounts.databases();
    }
}

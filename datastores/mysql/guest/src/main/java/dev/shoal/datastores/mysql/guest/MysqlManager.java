package dev.shoal.datastores.mysql.guest;

import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.contracts.guest.DatabaseSchema;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import dev.shoal.contracts.guest.StoredBackup;
import dev.shoal.guest.spi.Accounts;
import dev.shoal.guest.spi.Backups;
import dev.shoal.guest.spi.Configurable;
import dev.shoal.guest.spi.DatastoreLog;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.PreparedDatastore;
import dev.shoal.guest.spi.Replicated;
import dev.shoal.guest.spi.Resizable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a real MariaDB server for one node: install, start, secure, report, stop. Everything it keeps is under
 * the node directory, so a restarted agent picks up where the last one left off.
 */
public final class MysqlManager extends PreparedDatastore
        implements Accounts, Backups, Replicated, Configurable, Resizable {

    private static final Logger log = LoggerFactory.getLogger(MysqlManager.class);
    private static final String MANAGER = "mysql";

    private final MariadbServer server;
    private final MysqlAccounts accounts;
    private final MysqlReplication replication;
    private final MysqlWrites writes;
    private final MysqlOverrides overrides;
    private final MysqlLogs logs;
    private final MysqlSchemas schemas;
    private final MysqlBackups backups;

    public MysqlManager(GuestConfig config) {
        super(config, "MariaDB");
        this.server = new MariadbServer(config);
        this.accounts = new MysqlAccounts(config.nodeDir(), server.socket());
        this.overrides = new MysqlOverrides(config.nodeDir(), accounts);
        this.logs = new MysqlLogs(config.nodeDir(), accounts);
        this.schemas = new MysqlSchemas(accounts, config.nodeId());
        this.writes = new MysqlWrites(config.nodeDir(), accounts);
        this.replication = new MysqlReplication(config.nodeDir(), config.snapshotDir(), config.address(),
                config.secret(), accounts, writes);
        this.backups = new MysqlBackups(config.nodeDir(), config.backupDir(), accounts);
    }

    @Override
    public String name() {
        return MANAGER;
    }

    @Override
    protected void install(Prepare request) throws Exception {
        MariadbBinaries binaries = server.binaries();
        installDatabaseOnce(binaries);
        Files.createDirectories(file("tmp"));
        overrides.write(request.overrides());
        logs.writeOnce();
        server.writeConfig(request.memoryMb(), binaries);
        phases.time("server start", () -> server.start(binaries));
        if (!accounts.secured()) {
            phases.time("secure", () -> accounts.secure(request.sealedRootPassword() == null ? null
                    : SecretBox.open(config.secret(), request.sealedRootPassword())));
        }
        if (request.restorePoint() != null) {
            // before prepare ends: the node reports running only once the data is in
            phases.time("restore", () -> backups.restore(request.restorePoint(), binaries));
            log.info("node {}: backup {} restored", config.nodeId(), request.restorePoint().backupId());
        }
        // it starts read-only (my.cnf); a new node, or one prepared again, takes writes unless it follows a master
        if (!replication.isReplica()) {
            writes.makeReadOnly(false);
        }
    }

    /** The data directory is the same whatever a prepare asks: it is made while the agent connects. */
    @Override
    protected void bootstrap() throws Exception {
        installDatabaseOnce(server.binaries());
    }

    private void installDatabaseOnce(MariadbBinaries binaries) throws Exception {
        if (!server.isInstalled()) {
            phases.time("install-db", () -> server.install(binaries));
        }
    }

    @Override
    protected boolean restoresBackups() {
        return true;
    }

    @Override
    protected void startPrepared() throws Exception {
        server.start(server.binaries());
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
    protected void stopServer() throws Exception {
        server.stop();
    }

    @Override
    protected Path serverLog() {
        return file("mysqld.err");
    }

    @Override
    protected Optional<String> unanswered() {
        try {
            accounts.ping();
            return Optional.empty();
        } catch (SQLException | IOException e) {
            return Optional.of("does not answer: " + e.getMessage());
        }
    }

    @Override
    public void enableRoot(String password) throws SQLException, IOException {
        accounts.enableRoot(password);
        accounts.confirmLogin("root", password, config.address());
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
     * The new size goes to {@code my.cnf} for every later start and is set live: MariaDB resizes its buffer pool
     * without a restart, so a flavor change costs the tenant no downtime.
     */
    @Override
    public synchronized long resetConfiguration(int memoryMb) throws Exception {
        logs.writeOnce();
        server.writeConfig(memoryMb, server.binaries());
        long poolBytes = accounts.resizeBufferPool(MysqlConfigFile.bufferPoolMb(memoryMb) * 1024 * 1024);
        log.info("node {}: sized for {} MB of memory, buffer pool {} bytes", config.nodeId(), memoryMb, poolBytes);
        return poolBytes;
    }

    @Override
    public List<DatastoreLog> logs() {
        return logs.logs(super.logs().get(0));
    }

    @Override
    public boolean switchLog(String name, boolean on) throws Exception {
        return logs.switchLog(name, on);
    }

    @Override
    public void createDatabase(DatabaseSchema database) throws SQLException, IOException {
        schemas.createDatabase(database);
    }

    @Override
    public void deleteDatabase(String name) throws SQLException, IOException {
        schemas.deleteDatabase(name);
    }

    @Override
    public void createUser(String name, String host, String password, List<String> databases)
            throws SQLException, IOException {
        schemas.createUser(name, host, password, databases);
    }

    @Override
    public void deleteUser(String name, String host) throws SQLException, IOException {
        schemas.deleteUser(name, host);
    }

    @Override
    public void grantAccess(String name, String host, List<String> databases) throws SQLException, IOException {
        schemas.grantAccess(name, host, databases);
    }

    @Override
    public void revokeAccess(String name, String host, List<String> databases) throws SQLException, IOException {
        schemas.revokeAccess(name, host, databases);
    }

    @Override
    public StoredBackup createBackup(String backupId) throws Exception {
        StoredBackup stored = backups.create(backupId, server.binaries());
        log.info("node {}: backup {} written to {} ({} bytes)", config.nodeId(), backupId, stored.location(),
                stored.size());
        return stored;
    }

    @Override
    public void deleteBackup(String backupId) throws IOException {
        backups.delete(backupId);
    }

    @Override
    public ReplicationSnapshot createReplicationSnapshot(String snapshotId) throws Exception {
        return replication.createSnapshot(snapshotId, server.binaries());
    }

    @Override
    public void deleteReplicationSnapshot(String snapshotId) throws IOException {
        replication.deleteSnapshot(snapshotId);
    }

    @Override
    public synchronized void attachReplica(ReplicationSnapshot snapshot, String replicationPassword)
            throws Exception {
        replication.attach(snapshot, replicationPassword, server.binaries());
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

    Path socket() {
        return server.socket();
    }
}

package dev.shoal.datastores.postgresql.guest;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import dev.shoal.datastores.postgresql.PostgresqlDatastore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * Streaming replication. A snapshot is a base backup of the master's data directory in the snapshot store, taken by
 * {@code pg_basebackup} where the version has it, else with {@code pg_backup_start}/{@code pg_backup_stop} (Maven
 * Central's binaries carry no {@code pg_basebackup}), and a replication slot of its own on the master keeps the WAL
 * from its start until it is deleted, so every replica made from it can stream what followed. A replica is a hot standby of its master as {@code os_repl}; positions are LSNs.
 * The copy holds the master's roles, so the master's {@code os_admin} password goes with it into the (private)
 * snapshot store, and a replica made from it uses that password from then on.
 */
final class PostgresqlReplication {

    static final String REPLICATION_USER = "os_repl";
    private static final String ADMIN_PASSWORD = "os_admin.password";

    private final Path nodeDir;
    private final Path snapshotStore;
    private final String address;
    private final NodeSecret secret;
    private final PostgresqlAdmin admin;
    private final PostgresqlServer server;
    private final PostgresqlWrites writes;
    private final PostgresqlNodeSetup setup;
    private final PostgresqlHistory history;

    PostgresqlReplication(Path nodeDir, Path snapshotStore, String address, NodeSecret secret, PostgresqlAdmin admin,
                          PostgresqlServer server, PostgresqlWrites writes,
                          PostgresqlNodeSetup setup) {
        this.nodeDir = nodeDir;
        this.snapshotStore = snapshotStore;
        this.address = address;
        this.secret = secret;
        this.admin = admin;
        this.server = server;
        this.writes = writes;
        this.setup = setup;
        this.history = new PostgresqlHistory(nodeDir, admin, server);
    }

    ReplicationSnapshot createSnapshot(String snapshotId) throws Exception {
        Path snapshot = snapshotDir(snapshotId);
        Path position = snapshot.resolve("lsn");
        String password = replicationPassword();
        if (!Files.exists(position)) {
            PostgresqlFiles.delete(snapshot);
            Files.createDirectories(snapshotStore);
            Files.setPosixFilePermissions(snapshotStore, PosixFilePermissions.fromString("rwx------"));
            Files.createDirectory(snapshot, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            try (Connection connection = admin.connect(); Statement sql = connection.createStatement()) {
                ensureReplicationRole(connection, password);
                slot(connection, slotName(snapshotId));
                Optional<Path> basebackup = setup.binaries().basebackup();
                if (basebackup.isPresent()) {
                    PostgresqlBaseBackup.take(basebackup.get(), address, admin.password(),
                            snapshot.resolve("data"), false, nodeDir.resolve("pg_basebackup.log"));
                    PostgresqlFiles.writePrivate(snapshot.resolve(ADMIN_PASSWORD), admin.password(),
                            PostgresqlOsUser.agent());
                    // without its WAL the copy says no end; a replica made from it is consistent by this position
                    try (ResultSet now = sql.executeQuery("select pg_current_wal_lsn()")) {
                        now.next();
                        Files.writeString(position, now.getString(1));
                    }
                    return snapshot(snapshotId, position, password);
                }
                sql.execute("select pg_backup_start('shoal " + slotName(snapshotId) + "', true)");
                PostgresqlDataCopy.copy(server.dataDir(), snapshot.resolve("data"));
                try (ResultSet stop = sql.executeQuery("select lsn, labelfile, spcmapfile from pg_backup_stop(false)")) {
                    stop.next();
                    Files.writeString(snapshot.resolve("data/backup_label"), stop.getString("labelfile"));
                    String spcmap = stop.getString("spcmapfile");
                    if (spcmap != null && !spcmap.isEmpty()) {
                        Files.writeString(snapshot.resolve("data/tablespace_map"), spcmap);
                    }
                    // the copy's roles are the master's: a replica made from it logs in as the master's os_admin
                    PostgresqlFiles.writePrivate(snapshot.resolve(ADMIN_PASSWORD), admin.password(),
                            PostgresqlOsUser.agent());
                    Files.writeString(position, stop.getString("lsn"));
                }
            }
        }
        return snapshot(snapshotId, position, password);
    }

    private ReplicationSnapshot snapshot(String snapshotId, Path position, String password) throws IOException {
        return new ReplicationSnapshot(snapshotId, Files.readString(position).strip(), address, REPLICATION_USER,
                SecretBox.seal(secret, password));
    }

    void deleteSnapshot(String snapshotId) throws IOException, SQLException {
        PostgresqlFiles.delete(snapshotDir(snapshotId));
        try (Connection connection = admin.connect();
             PreparedStatement drop = connection.prepareStatement("select pg_drop_replication_slot(slot_name)"
                     + " from pg_replication_slots where slot_name = ?")) {
            drop.setString(1, slotName(snapshotId));
            drop.execute();
        }
    }

    /**
     * Follows the master the snapshot names: loaded from its copy first when it has one, else (a promoted replica's
     * answer) with the data this node holds, whose WAL is first made a prefix of the new master's when it forked off
     * (an old master back after a failover).
     */
    void attach(ReplicationSnapshot snapshot, String password) throws Exception {
        Path copy = snapshot.snapshotId() == null ? null : snapshotDir(snapshot.snapshotId()).resolve("data");
        if (copy != null && !Files.isDirectory(copy)) {
            throw new IllegalStateException("no snapshot " + snapshot.snapshotId() + " in " + snapshotStore);
        }
        boolean forked = copy == null && history.forkedFrom(snapshot.masterAddress());
        Path stored = nodeDir.resolve("os_repl.password");
        server.restart(setup.binaries(), () -> {
            if (forked) {
                history.discardForkedTail(setup.binaries(), snapshot.masterAddress());
                setup.configure();
            } else if (copy != null) {
                PostgresqlFiles.delete(server.dataDir());
                PostgresqlDataCopy.copy(copy, server.dataDir());
                Files.copy(copy.resolve("backup_label"), server.dataDir().resolve("backup_label"));
                if (Files.exists(copy.resolve("tablespace_map"))) {
                    Files.copy(copy.resolve("tablespace_map"), server.dataDir().resolve("tablespace_map"));
                }
                PostgresqlDataCopy.own(server.dataDir(), server.osUser());
                admin.adopt(Files.readString(copy.resolveSibling(ADMIN_PASSWORD)).strip());
                setup.configure();
            }
            // kept to hand over, should this replica be promoted: its role came with the master's data
            PostgresqlFiles.writePrivate(stored, password, PostgresqlOsUser.agent());
            server.follow(PostgresqlConfigFile.replica(snapshot.masterAddress(), snapshot.replicationUser(), password,
                    applicationName()));
            server.startAsStandby();
            Files.writeString(upstream(), snapshot.masterAddress());
            // it follows a master now: no confirmation is awaited of it, whatever it was
            writes.endHold();
        });
    }

    /** Stops following: the replica ends its recovery and takes writes as a standalone server. */
    void detach() throws Exception {
        if (writes.inRecovery()) {
            writes.promote();
        }
        server.unfollow();
        Files.deleteIfExists(upstream());
        writes.forgetSynchronousReplicas();
    }

    ReplicationSnapshot promote() throws Exception {
        detach();
        return new ReplicationSnapshot(null, latestTxnId(), address, REPLICATION_USER,
                SecretBox.seal(secret, replicationPassword()));
    }

    boolean isReplica() {
        return Files.exists(upstream());
    }

    Optional<InetSocketAddress> followedMaster() {
        try {
            return isReplica() ? Optional.of(new InetSocketAddress(Files.readString(upstream()).strip(),
                    PostgresqlDatastore.PORT)) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * What this node holds, as a {@link PostgresqlPosition}: a master's last written LSN; a standby's last one flushed
     * to its disk, received or replayed. A failover promotes the standby holding the most, and a commit a synchronous
     * master acknowledged is on a standby's disk even before it is replayed; promotion replays it.
     */
    String latestTxnId() throws SQLException, IOException {
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select case when pg_is_in_recovery()"
                     + " then greatest(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())"
                     + " else pg_current_wal_lsn() end")) {
            row.next();
            return PostgresqlPosition.fromLsn(row.getString(1));
        }
    }

    boolean waitForTxn(String position, Duration timeout) throws SQLException, IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = admin.connect();
             PreparedStatement reached = connection.prepareStatement("select case when pg_is_in_recovery()"
                     + " then pg_last_wal_replay_lsn() else pg_current_wal_lsn() end >= ?::pg_lsn")) {
            reached.setString(1, PostgresqlPosition.toLsn(position));
            while (true) {
                try (ResultSet row = reached.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return true;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(20);
            }
        }
    }

    ReplicationStatus status() throws SQLException, IOException {
        boolean replica = isReplica();
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select pg_is_in_recovery(),"
                     + " (select status from pg_stat_wal_receiver),"
                     + " case when pg_is_in_recovery() then not pg_is_wal_replay_paused() else false end,"
                     + " case when pg_is_in_recovery() then pg_last_wal_replay_lsn() else pg_current_wal_lsn() end,"
                     + " pg_last_wal_receive_lsn()")) {
            row.next();
            boolean streaming = "streaming".equals(row.getString(2));
            String error = replica && !streaming ? "not streaming from " + followedMaster().map(
                    InetSocketAddress::getHostString).orElse("its master") : null;
            return new ReplicationStatus(replica, replica && streaming, replica && row.getBoolean(3), error,
                    row.getString(4), row.getBoolean(1), replica ? row.getString(5) : null);
        }
    }

    private void ensureReplicationRole(Connection connection, String password) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + REPLICATION_USER
                    + "') then create role " + REPLICATION_USER + " replication login; end if; end $$");
        }
        connection.unwrap(PGConnection.class).alterUserPassword(REPLICATION_USER, password.toCharArray(),
                "scram-sha-256");
    }

    private static void slot(Connection connection, String name) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement("select pg_create_physical_replication_slot(?,"
                + " true) where not exists (select 1 from pg_replication_slots where slot_name = ?)")) {
            create.setString(1, name);
            create.setString(2, name);
            create.execute();
        }
    }

    /** The master's password for {@code os_repl}, made once; a replica keeps the one it was given. */
    private String replicationPassword() throws IOException {
        Path stored = nodeDir.resolve("os_repl.password");
        if (!Files.exists(stored)) {
            PostgresqlFiles.writePrivate(stored, PostgresqlAdmin.randomPassword(), PostgresqlOsUser.agent());
        }
        return Files.readString(stored).strip();
    }

    private Path snapshotDir(String snapshotId) {
        if (snapshotId == null || !snapshotId.matches("[A-Za-z0-9._-]+") || snapshotId.startsWith(".")) {
            throw new IllegalArgumentException("not a snapshot name: " + snapshotId);
        }
        return snapshotStore.resolve("postgresql-" + snapshotId);
    }

    /** Slot names are lower-case letters, digits and underscores: the snapshot's digest gives one. */
    static String slotName(String snapshotId) {
        try {
            return "shoal_snapshot_" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(snapshotId.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String applicationName() {
        return "shoal_" + address.replaceAll("[^0-9A-Za-z]", "_");
    }

    private Path upstream() {
        return nodeDir.resolve("upstream");
    }
}

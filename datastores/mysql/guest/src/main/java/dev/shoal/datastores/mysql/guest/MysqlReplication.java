package dev.shoal.datastores.mysql.guest;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * GTID replication between MariaDB nodes, as Trove's MySQL replication strategy does it: the master writes a
 * consistent dump of its user databases to the snapshot store (Trove's backup in Swift) together with its GTID
 * position; each new replica loads it, continues from that position and stays read-only until detached.
 */
final class MysqlReplication {

    static final String REPLICATION_USER = "os_repl";
    private static final Pattern GTID_IN_DUMP = Pattern.compile("gtid_slave_pos\\s*=\\s*'([0-9,\\-]*)'");

    private final Path nodeDir;
    private final Path snapshotDir;
    private final String address;
    private final NodeSecret secret;
    private final MysqlAccounts accounts;
    private final MysqlWrites writes;

    MysqlReplication(Path nodeDir, Path snapshotDir, String address, NodeSecret secret, MysqlAccounts accounts,
                     MysqlWrites writes) {
        this.nodeDir = nodeDir;
        this.writes = writes;
        this.snapshotDir = snapshotDir;
        this.address = address;
        this.secret = secret;
        this.accounts = accounts;
    }

    /** Runs on the master; taking the same snapshot twice gives the same copy. */
    ReplicationSnapshot createSnapshot(String snapshotId, MariadbBinaries binaries)
            throws IOException, SQLException, InterruptedException {
        String password = replicationPassword();
        Path dump = snapshotFile(snapshotId);
        if (!Files.exists(dump)) {
            PrivateFiles.directory(snapshotDir);
            Path partial = PrivateFiles.file(dump.resolveSibling(dump.getFileName() + ".part"));
            // accounts first: one created while the dump runs then reaches the replica only through replication
            MysqlAccounts.writePrivate(usersFile(snapshotId), MysqlUsers.export(accounts));
            List<String> command = dump().command(binaries);
            command.add("--result-file=" + partial);
            MysqldProcess.run(command, nodeDir.resolve("replication.log"));
            // the tool may recreate its result file with the process's umask
            PrivateFiles.restrict(partial);
            Files.move(partial, dump, StandardCopyOption.ATOMIC_MOVE);
        }
        return new ReplicationSnapshot(snapshotId, gtidOf(dump), address, REPLICATION_USER,
                SecretBox.seal(secret, password));
    }

    void deleteSnapshot(String snapshotId) throws IOException {
        Files.deleteIfExists(snapshotFile(snapshotId));
        Files.deleteIfExists(usersFile(snapshotId));
    }

    /**
     * Runs on a new replica. The copy is loaded without writing this node's binary log, so the node's GTID history
     * is the master's alone and strict GTID mode accepts the position.
     */
    void attach(ReplicationSnapshot snapshot, String password, MariadbBinaries binaries)
            throws IOException, SQLException, InterruptedException {
        if (snapshot.masterAddress().equals(currentMaster())) {
            return;
        }
        if (snapshot.snapshotId() == null) {
            follow(snapshot, password, "current_pos");
            return;
        }
        Path dump = snapshotFile(snapshot.snapshotId());
        if (!Files.exists(dump)) {
            throw new IOException("replication snapshot " + snapshot.snapshotId() + " is not in " + snapshotDir);
        }
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            sql.execute("stop slave");
            sql.execute("reset slave all");
            sql.execute("reset master");
        }
        load(dump, binaries);
        if (Files.exists(usersFile(snapshot.snapshotId()))) {
            load(usersFile(snapshot.snapshotId()), binaries);
        }
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            // the binary log starts where the copy stands, so this node, once promoted, can serve every other
            // member from that position on
            sql.execute("set global gtid_binlog_state = " + MysqlAccounts.quote(snapshot.gtidPosition()));
            sql.execute("set global gtid_slave_pos = " + MysqlAccounts.quote(snapshot.gtidPosition()));
        }
        follow(snapshot, password, "slave_pos");
    }

    /**
     * Replicates from the snapshot's master onwards from {@code position}: {@code slave_pos} right after loading a
     * copy, {@code current_pos} when the node already holds the data (a former master or a replica re-pointed).
     */
    private void follow(ReplicationSnapshot snapshot, String password, String position)
            throws IOException, SQLException {
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            sql.execute("stop slave");
            sql.execute("change master to master_host = " + MysqlAccounts.quote(snapshot.masterAddress())
                    + ", master_port = " + MysqlConfigFile.PORT
                    + ", master_user = " + MysqlAccounts.quote(snapshot.replicationUser())
                    + ", master_password = " + MysqlAccounts.quote(password)
                    + ", master_use_gtid = " + position + ", master_connect_retry = 1");
            sql.execute("start slave");
        }
        writes.makeReadOnly(true);
        Files.writeString(replicaMarker(), snapshot.masterAddress());
    }

    private void load(Path file, MariadbBinaries binaries) throws IOException, InterruptedException {
        try (java.io.InputStream sql = Files.newInputStream(file)) {
            dump().load(sql, binaries, file.getFileName().toString());
        }
    }

    private MysqlDump dump() {
        return new MysqlDump(adminFile(), nodeDir.resolve("replication.log"));
    }

    /** Stops following, accepts writes, and says where the others follow this node from. */
    ReplicationSnapshot promote() throws IOException, SQLException {
        detach();
        String password = replicationPassword();
        String position;
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            // the account may have come from an earlier master with that one's password; setting this node's
            // through its own binary log makes the whole set agree on it
            grantReplication(sql, password);
            try (ResultSet row = sql.executeQuery("select @@gtid_current_pos")) {
                row.next();
                position = row.getString(1);
            }
        }
        return new ReplicationSnapshot(null, position, address, REPLICATION_USER, SecretBox.seal(secret, password));
    }

    Optional<InetSocketAddress> followedMaster() {
        try {
            return Optional.ofNullable(currentMaster())
                    .map(address -> new InetSocketAddress(address, MysqlConfigFile.PORT));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    boolean isReplica() {
        return Files.exists(replicaMarker());
    }

    /** What this node wrote to its binary log: with log-slave-updates also everything it replicated. */
    String latestTxnId() throws SQLException, IOException {
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select @@gtid_binlog_pos")) {
            row.next();
            return row.getString(1);
        }
    }

    boolean waitForTxn(String txnId, java.time.Duration timeout) throws SQLException, IOException {
        if (!txnId.matches("[0-9,\\-]*")) {
            throw new IllegalArgumentException("not a GTID position: " + txnId);
        }
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select master_gtid_wait(" + MysqlAccounts.quote(txnId) + ", "
                     + Math.max(1, timeout.toSeconds()) + ")")) {
            row.next();
            return row.getInt(1) == 0;
        }
    }

    /** Makes the node a writable standalone server; detaching a node that replicates from nobody does nothing. */
    void detach() throws IOException, SQLException {
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            sql.execute("stop slave");
            sql.execute("reset slave all");
        }
        writes.makeReadOnly(false);
        Files.deleteIfExists(replicaMarker());
    }

    ReplicationStatus status() throws IOException, SQLException {
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            String gtid;
            boolean readOnly;
            try (ResultSet row = sql.executeQuery("select @@gtid_current_pos, @@read_only")) {
                row.next();
                gtid = row.getString(1);
                readOnly = row.getBoolean(2);
            }
            try (ResultSet row = sql.executeQuery("show slave status")) {
                if (!row.next()) {
                    return new ReplicationStatus(false, false, false, null, gtid, readOnly, null);
                }
                String error = Stream.of(row.getString("Last_IO_Error"), row.getString("Last_SQL_Error"))
                        .filter(e -> e != null && !e.isBlank()).findFirst().orElse(null);
                return new ReplicationStatus(true, "Yes".equals(row.getString("Slave_IO_Running")),
                        "Yes".equals(row.getString("Slave_SQL_Running")), error, gtid, readOnly,
                        row.getString("Gtid_IO_Pos"));
            }
        }
    }

    static String gtidOf(Path dump) throws IOException {
        try (Stream<String> lines = Files.lines(dump)) {
            return lines.limit(200).map(GTID_IN_DUMP::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .findFirst()
                    .orElseThrow(() -> new IOException(dump + " records no GTID position; is the binary log on?"));
        }
    }

    /** One account for every replica, created on first use; its password survives agent restarts. */
    private String replicationPassword() throws IOException, SQLException {
        Path file = nodeDir.resolve("os_repl.password");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String password = MysqlAccounts.randomPassword();
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            grantReplication(sql, password);
        }
        MysqlAccounts.writePrivate(file, password);
        return password;
    }

    private static void grantReplication(Statement sql, String password) throws SQLException {
        sql.execute("create or replace user '" + REPLICATION_USER + "'@'%' identified by "
                + MysqlAccounts.quote(password));
        sql.execute("grant replication slave on *.* to '" + REPLICATION_USER + "'@'%'");
    }

    private String currentMaster() throws IOException {
        return Files.exists(replicaMarker()) ? Files.readString(replicaMarker()).trim() : null;
    }

    private Path snapshotFile(String snapshotId) {
        if (!snapshotId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("not a snapshot id: " + snapshotId);
        }
        return snapshotDir.resolve("mysql-" + snapshotId + ".sql");
    }

    private Path usersFile(String snapshotId) {
        return snapshotFile(snapshotId).resolveSibling("mysql-" + snapshotId + ".users.sql");
    }

    private Path replicaMarker() {
        return nodeDir.resolve("replica-of");
    }


    private Path adminFile() {
        return nodeDir.resolve(MysqlAccounts.ADMIN_FILE);
    }
}

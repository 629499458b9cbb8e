package dev.shoal.datastores.postgresql.guest;

import dev.shoal.datastores.postgresql.PostgresqlDatastore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's WAL made a prefix of the primary it is to follow, as Patroni does for an old primary that comes back after
 * a failover: its WAL forked off the new primary's timeline, and the tail past the fork (which no standby
 * acknowledged, so no client was told it committed under synchronous replication) is discarded. {@code pg_rewind}
 * does it in place where the version has it (Debian's packages); elsewhere (Maven Central's binaries) the data
 * directory is made again from a copy of the primary. Both find the primary's server as {@code os_admin}, whose
 * password every node of a set shares, since each was made from a copy of another.
 */
final class PostgresqlHistory {

    private static final Logger log = LoggerFactory.getLogger(PostgresqlHistory.class);
    private static final Duration REWIND_TIMEOUT = Duration.ofMinutes(30);
    private static final String TIMELINE = "('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)"
            + "::bigint";

    private final Path nodeDir;
    private final PostgresqlAdmin admin;
    private final PostgresqlServer server;

    PostgresqlHistory(Path nodeDir, PostgresqlAdmin admin, PostgresqlServer server) {
        this.nodeDir = nodeDir;
        this.admin = admin;
        this.server = server;
    }

    /** Whether this node's WAL forked off the history of the primary at {@code primary}; asked while both run. */
    boolean forkedFrom(String primary) throws SQLException, IOException {
        long ownTimeline;
        String end;
        try (Connection local = admin.connect();
             PreparedStatement position = local.prepareStatement("select case when pg_is_in_recovery()"
                     + " then (select timeline_id from pg_control_checkpoint()) else " + TIMELINE + " end,"
                     + " case when pg_is_in_recovery() then coalesce(pg_last_wal_replay_lsn(),"
                     + " (select checkpoint_lsn from pg_control_checkpoint())) else pg_current_wal_insert_lsn() end,"
                     + " exists (select 1 from pg_stat_wal_receiver where status = 'streaming' and sender_host = ?)")) {
            position.setString(1, primary);
            try (ResultSet row = position.executeQuery()) {
                row.next();
                if (row.getBoolean(3)) {
                    // it follows that primary already: an attach asked again
                    return false;
                }
                ownTimeline = row.getLong(1);
                end = row.getString(2);
            }
        }
        PostgresqlTimelines history = timelines(primary);
        boolean forked = !history.holds(ownTimeline, PostgresqlPosition.bytes(end));
        log.info("its WAL ends on timeline {} at {}; the primary at {} is on timeline {}{}", ownTimeline, end,
                primary, history.timeline(), forked ? ": it forked off" : "");
        return forked;
    }

    /** With the server stopped: rewound where the version can, else made again from a copy of the primary. */
    void discardForkedTail(PostgresqlBinaries binaries, String primary) throws Exception {
        Optional<Path> rewind = binaries.rewind();
        if (rewind.isPresent()) {
            try {
                rewind(rewind.get(), primary);
                log.info("its WAL past the fork rewound to the primary's at {}", primary);
                return;
            } catch (IOException failed) {
                log.warn("pg_rewind failed, the data directory is made again from the primary's: {}",
                        failed.getMessage());
            }
        }
        rebuild(primary);
        log.info("its data directory made again from a copy of the primary at {}", primary);
    }

    private void rewind(Path pgRewind, String primary) throws IOException, InterruptedException, SQLException {
        // pg_rewind reads the primary's timeline from its control file, which a promotion updates only with its
        // first checkpoint: until then it finds both on one timeline and rewinds nothing (as Patroni, ask for one)
        try (Connection source = admin.connectTo(primary); Statement sql = source.createStatement()) {
            sql.execute("checkpoint");
        }
        Path passfile = nodeDir.resolve("rewind.pgpass");
        PostgresqlFiles.writePrivate(passfile, "*:*:*:" + PostgresqlAdmin.USER + ":" + admin.password() + "\n",
                server.osUser());
        try {
            PostgresqlCommand.run(server.osUser().command(List.of(pgRewind.toString(),
                    "--target-pgdata=" + server.dataDir(), "--source-server=host=" + primary + " port="
                            + PostgresqlDatastore.PORT + " user="
                            + PostgresqlAdmin.USER + " dbname=postgres connect_timeout=10 passfile=" + passfile)),
                    nodeDir.resolve("pg_rewind.log"), REWIND_TIMEOUT);
        } finally {
            Files.deleteIfExists(passfile);
        }
    }

    private void rebuild(String primary) throws SQLException, IOException {
        PostgresqlFiles.delete(server.dataDir());
        try (Connection source = admin.connectTo(primary)) {
            PostgresqlRemoteCopy.copy(source, server.dataDir());
        }
        PostgresqlDataCopy.own(server.dataDir(), server.osUser());
    }

    private PostgresqlTimelines timelines(String primary) throws SQLException, IOException {
        try (Connection source = admin.connectTo(primary); Statement sql = source.createStatement();
             ResultSet row = sql.executeQuery("select " + TIMELINE)) {
            row.next();
            long timeline = row.getLong(1);
            if (timeline == 1) {
                return PostgresqlTimelines.parse(1, "");
            }
            try (PreparedStatement read = source.prepareStatement("select pg_read_file(?)")) {
                read.setString(1, "pg_wal/" + PostgresqlTimelines.historyFile(timeline));
                try (ResultSet history = read.executeQuery()) {
                    history.next();
                    return PostgresqlTimelines.parse(timeline, history.getString(1));
                }
            }
        }
    }
}

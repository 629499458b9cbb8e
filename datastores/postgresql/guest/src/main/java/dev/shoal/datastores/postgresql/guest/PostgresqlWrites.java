package dev.shoal.datastores.postgresql.guest;

import dev.shoal.guest.spi.PreparedDatastore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the server takes writes. PostgreSQL has no read-only switch a superuser cannot undo, so a master refusing
 * writes runs as a standby without upstream: truly read-only, every client cut off, and its WAL ending at the
 * checkpoint of its shutdown, which its replicas receive; a replica promoted after applying it starts its timeline
 * exactly there, and the old master can then follow it. Taking writes again is a promotion. A master started again
 * unasked refuses writes until the control plane confirms it still leads its set.
 */
final class PostgresqlWrites {

    private static final Logger log = LoggerFactory.getLogger(PostgresqlWrites.class);

    private final Path nodeDir;
    private final PostgresqlAdmin admin;
    private final PostgresqlServer server;
    private final PostgresqlNodeSetup setup;

    PostgresqlWrites(Path nodeDir, PostgresqlAdmin admin, PostgresqlServer server,
                     PostgresqlNodeSetup setup) {
        this.nodeDir = nodeDir;
        this.admin = admin;
        this.server = server;
        this.setup = setup;
    }

    void makeReadOnly(boolean readOnly) throws Exception {
        boolean inRecovery = inRecovery();
        if (readOnly && !inRecovery) {
            server.restart(setup.binaries(), server::startAsStandby);
        } else if (!readOnly) {
            Files.deleteIfExists(holdMarker());
            if (inRecovery) {
                promote();
            }
        }
    }

    /** A node that follows a master leads nothing, so nothing is to be confirmed of it. */
    void endHold() throws IOException {
        Files.deleteIfExists(holdMarker());
    }

    boolean awaitingConfirmation() {
        return Files.exists(holdMarker());
    }

    void afterStart(PreparedDatastore.Start how, boolean replica) throws Exception {
        if (replica) {
            return;
        }
        switch (how) {
            case UNASKED -> {
                Files.writeString(holdMarker(), "");
                makeReadOnly(true);
                log.warn("its server started again unasked; it refuses writes until the control plane confirms it"
                        + " still leads its set");
            }
            case ASKED -> {
                if (!awaitingConfirmation()) {
                    makeReadOnly(false);
                }
            }
            case ADOPTED -> {
                // it runs as it ran
            }
        }
    }

    /** Ends recovery: the server takes writes on a timeline of its own. */
    void promote() throws SQLException, IOException {
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement();
             ResultSet promoted = sql.executeQuery("select pg_promote(true, 60)")) {
            promoted.next();
            if (!promoted.getBoolean(1)) {
                throw new SQLException("PostgreSQL did not end its recovery within 60 s");
            }
        }
    }

    boolean inRecovery() throws SQLException, IOException {
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select pg_is_in_recovery()")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /**
     * Synchronous replication that falls back as MariaDB's semi-synchronous one does: with a replica streaming, a
     * commit waits until one holds it ({@code synchronous_standby_names = 'ANY 1 (*)'}); with none, it is switched
     * off, since PostgreSQL would otherwise hold every commit until a replica came back. The agent asks at every
     * watch, so a master whose last replica went waits at most that long. Answers whether a replica holds commits now.
     */
    Optional<Boolean> heldByAReplica() throws SQLException, IOException {
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement()) {
            boolean streaming;
            boolean held;
            try (ResultSet row = sql.executeQuery("select count(*) filter (where state = 'streaming'),"
                    + " count(*) filter (where sync_state in ('sync', 'quorum')) from pg_stat_replication")) {
                row.next();
                streaming = row.getLong(1) > 0;
                held = row.getLong(2) > 0;
            }
            String names;
            try (ResultSet row = sql.executeQuery("show synchronous_standby_names")) {
                row.next();
                names = row.getString(1);
            }
            if (streaming == names.isEmpty()) {
                sql.execute(streaming ? "alter system set synchronous_standby_names = 'ANY 1 (*)'"
                        : "alter system reset synchronous_standby_names");
                sql.execute("select pg_reload_conf()");
                log.info("commits {} wait for a replica", streaming ? "now" : "no longer");
            }
            return Optional.of(held);
        }
    }

    /** A master that was a replica keeps no other master's wish for synchronous commits. */
    void forgetSynchronousReplicas() throws SQLException, IOException {
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement()) {
            sql.execute("alter system reset synchronous_standby_names");
            sql.execute("select pg_reload_conf()");
        }
    }

    private Path holdMarker() {
        return nodeDir.resolve("awaiting-confirmation");
    }
}

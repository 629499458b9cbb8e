package dev.shoal.datastores.mysql.guest;

import dev.shoal.guest.spi.PreparedDatastore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the server takes writes: refused to everyone but Shoal's own accounts (the server's {@code read_only}, which
 * the tenant's root cannot pass), held after an unasked start of a master until the control plane confirms it, and,
 * for a master, whether a replica holds each of its commits before it is acknowledged.
 */
final class MysqlWrites {

    private static final Logger log = LoggerFactory.getLogger(MysqlWrites.class);

    private final Path nodeDir;
    private final MysqlAccounts accounts;

    MysqlWrites(Path nodeDir, MysqlAccounts accounts) {
        this.nodeDir = nodeDir;
        this.accounts = accounts;
    }

    /**
     * Refusing writes also drops every client's connection: a client in the middle of a transaction learns at once,
     * and reconnects to wherever the set's master is now. Taking them again ends any hold.
     */
    void makeReadOnly(boolean readOnly) throws SQLException, IOException {
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            sql.execute("set global read_only = " + (readOnly ? 1 : 0));
            if (readOnly) {
                killClientConnections(sql);
            }
        }
        if (!readOnly) {
            Files.deleteIfExists(holdMarker());
        }
    }

    boolean awaitingConfirmation() {
        return Files.exists(holdMarker());
    }

    /**
     * A replica keeps refusing writes. A master started again unasked refuses them too, until the control plane makes
     * it writable: a replica may have been promoted meanwhile. One started again on request takes writes at once,
     * unless it was still waiting. The server starts read-only in any case ({@code my.cnf}).
     */
    void afterStart(PreparedDatastore.Start how, boolean replica) throws IOException, SQLException {
        if (replica) {
            makeReadOnly(true);
            return;
        }
        switch (how) {
            case UNASKED -> {
                makeReadOnly(true);
                Files.writeString(holdMarker(), "");
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

    /**
     * MariaDB's own word: semi-synchronous replication is on, has not fallen back to asynchronous, and a replica
     * acknowledges. Without a replica connected it stays on until the next commit finds none, so that alone says
     * nothing.
     */
    Optional<Boolean> heldByAReplica() throws IOException, SQLException {
        String on = null;
        long clients = 0;
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select variable_name, variable_value"
                     + " from information_schema.global_status where variable_name in"
                     + " ('RPL_SEMI_SYNC_MASTER_STATUS', 'RPL_SEMI_SYNC_MASTER_CLIENTS')")) {
            while (rows.next()) {
                if (rows.getString(1).equalsIgnoreCase("RPL_SEMI_SYNC_MASTER_STATUS")) {
                    on = rows.getString(2);
                } else {
                    clients = Long.parseLong(rows.getString(2));
                }
            }
        }
        return Optional.of("ON".equalsIgnoreCase(on) && clients > 0);
    }

    private static void killClientConnections(Statement sql) throws SQLException {
        List<Long> clients = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("select id from information_schema.processlist"
                + " where id <> connection_id() and user not in ('system user', 'event_scheduler', "
                + MysqlAccounts.quote(MysqlReplication.REPLICATION_USER) + ", "
                + MysqlAccounts.quote(MysqlAccounts.ADMIN) + ")")) {
            while (rows.next()) {
                clients.add(rows.getLong(1));
            }
        }
        for (long client : clients) {
            try {
                sql.execute("kill connection " + client);
            } catch (SQLException gone) {
                // it ended by itself meanwhile
            }
        }
    }

    private Path holdMarker() {
        return nodeDir.resolve("awaiting-confirmation");
    }
}

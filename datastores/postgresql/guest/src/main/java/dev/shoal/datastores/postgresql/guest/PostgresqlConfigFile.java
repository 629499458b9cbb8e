package dev.shoal.datastores.postgresql.guest;

import dev.shoal.datastores.postgresql.PostgresqlDatastore;

/**
 * What the guest gives every server in its data directory: {@code shoal.conf}, included by the
 * {@code postgresql.conf} initdb wrote, and {@code pg_hba.conf}. Configuration groups write with ALTER SYSTEM
 * ({@code postgresql.auto.conf}), which PostgreSQL reads last, so their values win over these.
 */
final class PostgresqlConfigFile {

    static final String NAME = "shoal.conf";
    static final String INCLUDE = "include = '" + NAME + "'";
    /** A replica's upstream, in a file of its own so that a prepare's rewrite of {@link #NAME} keeps it. */
    static final String REPLICA = "replica.conf";

    private PostgresqlConfigFile() {
    }

    /**
     * Listens on the node's own address only, and on no unix socket: the host's own PostgreSQL keeps
     * {@code /var/run/postgresql}, and the guest speaks TCP. A quarter of the flavor's memory is the shared buffer
     * cache, as PostgreSQL's documentation advises. Hint bits are logged so that {@code pg_rewind} can rewind an old
     * primary whose data directory has no checksums (initdb's default before PostgreSQL 18).
     */
    static String render(String address, int memoryMb) {
        return """
                # Written by the Shoal guest on every prepare. Configuration groups override it with ALTER SYSTEM.
                listen_addresses = '%s'
                port = %d
                unix_socket_directories = ''
                shared_buffers = %dMB
                password_encryption = 'scram-sha-256'
                wal_level = replica
                max_wal_senders = 10
                hot_standby = on
                wal_log_hints = on
                wal_keep_size = 512MB
                logging_collector = off
                include_if_exists = '%s'
                """.formatted(address, PostgresqlDatastore.PORT, sharedBuffersMb(memoryMb), REPLICA);
    }

    static int sharedBuffersMb(int memoryMb) {
        return Math.max(16, memoryMb / 4);
    }

    /** Every client, the guest's administrator too, logs in with a SCRAM password over TCP. */
    static String hba() {
        return """
                # Written by the Shoal guest: passwords over TCP, for every database and for replication.
                host all all 0.0.0.0/0 scram-sha-256
                host all all ::/0 scram-sha-256
                host replication all 0.0.0.0/0 scram-sha-256
                host replication all ::/0 scram-sha-256
                """;
    }

    /**
     * A replica's upstream: the master's address, as {@code os_repl}, following whatever timeline the master takes
     * (the new one of a promoted replica too).
     */
    static String replica(String masterAddress, String user, String password, String applicationName) {
        String conninfo = "host=%s port=%d user=%s password=%s application_name=%s".formatted(masterAddress,
                PostgresqlDatastore.PORT, user, conninfoValue(password), applicationName);
        return """
                # Written by the Shoal guest: this node replicates from %s.
                primary_conninfo = '%s'
                recovery_target_timeline = 'latest'
                """.formatted(masterAddress, conninfo.replace("\\", "\\\\").replace("'", "''"));
    }

    /** A libpq connection string value, quoted so that spaces, quotes and backslashes stay part of it. */
    private static String conninfoValue(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

package dev.shoal.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A real PostgreSQL (binaries from Maven Central) for running Shoal with nothing installed. Its data directory and
 * port (chosen once, {@link EmbeddedPorts}) belong to the Shoal home, so instances survive a restart of the
 * standalone process, and one killed with -9 too ({@link LeftoverPostmaster}).
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path home) throws IOException {
        Path dataDir = home.resolve("postgres");
        LeftoverPostmaster.removeFrom(dataDir);
        int port = new EmbeddedPorts(home).claim(EmbeddedPorts.DATABASE);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // zonky's defaults (-F, synchronous_commit=off) suit throwaway test databases, not Shoal's state
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // the postmaster may outlive this JVM: its output goes to a file rather than a pipe to a dead reader
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped by the standalone's own hook once the services are closed: they still write on their way out
                .setRegisterShutdownHook(false)
                .start();
        try {
            createShoalDatabaseIfMissing(postgres);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return new EmbeddedDatabase(postgres);
    }

    /** Asked of the server rather than the data directory: a first start killed before this point left none. */
    private static void createShoalDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            boolean exists;
            try (var rows = statement.executeQuery("select 1 from pg_database where datname = 'shoal'")) {
                exists = rows.next();
            }
            if (!exists) {
                statement.execute("create database shoal");
            }
        } catch (SQLException e) {
            throw new IOException("cannot create the shoal database in embedded PostgreSQL", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/shoal";
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

package dev.shoal.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL (binaries from Maven Central) for running Shoal with nothing installed. Its data
 * directory lives under the work directory, so instances survive a restart of the standalone process, and its port
 * is chosen once ({@link EmbeddedPorts}).
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path workDir) throws IOException {
        Path dataDir = workDir.resolve("postgres");
        boolean existing = Files.isDirectory(dataDir.resolve("base"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(new EmbeddedPorts(workDir).claim(EmbeddedPorts.DATABASE))
                .start();
        if (!existing) {
            try (var connection = postgres.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute("create database shoal");
            } catch (java.sql.SQLException e) {
                throw new IOException("cannot create the shoal database in embedded PostgreSQL", e);
            }
        }
        return new EmbeddedDatabase(postgres);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/shoal";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

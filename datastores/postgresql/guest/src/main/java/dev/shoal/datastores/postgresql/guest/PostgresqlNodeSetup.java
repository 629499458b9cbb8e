package dev.shoal.datastores.postgresql.guest;

import dev.shoal.guest.spi.GuestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the node's server is set up, for the abilities that stop it and start it again: the version and memory it was
 * prepared with, kept in its directory, the binaries of that version and the guest's configuration of the server.
 */
final class PostgresqlNodeSetup {

    private static final Logger log = LoggerFactory.getLogger(PostgresqlNodeSetup.class);

    private final GuestConfig config;
    private final PostgresqlServer server;

    PostgresqlNodeSetup(GuestConfig config, PostgresqlServer server) {
        this.config = config;
        this.server = server;
    }

    /** The binaries of the version the node was prepared with. */
    PostgresqlBinaries binaries() throws IOException, InterruptedException {
        return binaries(Files.readString(file("version")).strip());
    }

    /** The guest's configuration for this node, written again (over a copy of another node's). */
    void configure() throws IOException {
        server.configure(config.address(), Integer.parseInt(Files.readString(file("memory-mb")).strip()));
    }

    /** Kept for every later start, and written into the server's configuration. */
    void record(String version, int memoryMb) throws IOException {
        Files.writeString(file("version"), version);
        resize(memoryMb);
    }

    void resize(int memoryMb) throws IOException {
        Files.writeString(file("memory-mb"), Integer.toString(memoryMb));
        server.configure(config.address(), memoryMb);
    }

    PostgresqlBinaries binaries(String version) throws IOException, InterruptedException {
        String major = PostgresqlBinaries.major(version);
        PostgresqlBinaries binaries = PostgresqlBinaries.locate(version,
                config.setting("postgresql." + major + ".bin").map(Path::of), PostgresqlBinaries.DEBIAN,
                new PostgresqlBundle(config.setting("postgresql.binaries-cache").map(Path::of)
                        .orElse(config.nodeDir().resolveSibling(".postgresql"))));
        log.info("PostgreSQL {} of node {}: {} ({})", major, config.nodeId(), binaries.bin(), binaries.origin());
        return binaries;
    }

    private Path file(String name) {
        return config.nodeDir().resolve(name);
    }
}

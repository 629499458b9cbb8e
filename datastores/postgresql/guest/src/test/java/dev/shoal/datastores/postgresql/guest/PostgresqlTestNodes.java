package dev.shoal.datastores.postgresql.guest;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.RestorePoint;
import dev.shoal.guest.spi.GuestConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real PostgreSQL nodes for the tests, on 127.0.88.x (no other test uses those addresses) and port 5432, each in a
 * directory of a work directory the server's user may pass through. {@link #close()} stops every server started
 * here and removes the work directory. Maven Central's binaries are unpacked once
 * into the module's {@code target} for every test.
 */
final class PostgresqlTestNodes implements AutoCloseable, AfterEachCallback {

    static final String ROOT_PASSWORD = "root-Pa55'word";
    /** Debian's PostgreSQL on this machine. */
    static final String INSTALLED = "15";
    /** Maven Central's. */
    static final String BUNDLED = "18";

    private final Path work;
    private final List<Path> nodeDirs = new ArrayList<>();
    private final Map<String, NodeSecret> secrets = new java.util.HashMap<>();
    private final List<PostgresqlManager> managers = new ArrayList<>();

    PostgresqlTestNodes() throws IOException {
        work = Files.createTempDirectory("shoal-pg-it");
        // the servers run as a user of their own, which must reach its data directory through this one
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    }

    /** Made for each test of a class that registers it as an extension, and closed after it. */
    static PostgresqlTestNodes eachTest() {
        try {
            return new PostgresqlTestNodes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
    }

    Path work() {
        return work;
    }

    /** The configuration of a node at {@code address}, the same for every agent made of it. */
    GuestConfig config(String address) throws IOException {
        Path nodeDir = work.resolve(address);
        if (!nodeDirs.contains(nodeDir)) {
            if (!portFree(address)) {
                throw new IllegalStateException("port 5432 is taken on " + address);
            }
            Files.createDirectories(nodeDir);
            nodeDirs.add(nodeDir);
        }
        NodeSecret secret = secrets.computeIfAbsent(address, a -> NodeSecret.generate());
        return new GuestConfig(UUID.randomUUID().toString(), secret, address, nodeDir, "amqp://unused",
                Duration.ofSeconds(1), Map.of("datastore.manager", "postgresql",
                        "postgresql.binaries-cache", Path.of("target", "postgresql-binaries").toAbsolutePath().toString(),
                        "snapshot.dir", work.resolve(".snapshots").toString(),
                        "backup.dir", work.resolve(".backups").toString()));
    }

    Prepare prepare(String address, String version) {
        return new Prepare("postgresql", version, 512, 1, SecretBox.seal(secrets.get(address), ROOT_PASSWORD));
    }

    PostgresqlManager prepared(String address, String version) throws Exception {
        return prepared(address, version, null);
    }

    /** A node whose first start loads {@code restorePoint}, when one is given. */
    PostgresqlManager prepared(String address, String version, RestorePoint restorePoint) throws Exception {
        PostgresqlManager manager = new PostgresqlManager(config(address));
        Prepare prepare = prepare(address, version);
        manager.prepare(new Prepare(prepare.datastore(), version, prepare.memoryMb(), prepare.volumeSizeGb(),
                prepare.sealedRootPassword(), null, Map.of(), restorePoint));
        managers.add(manager);
        return manager;
    }

    /** The sealed secrets of a node, as its agent opens what is sealed for it. */
    NodeSecret secret(String address) {
        return secrets.get(address);
    }

    static boolean portFree(String address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, 5432), 500);
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    /**
     * Every node prepared here stops as its manager stops it; then every process with a node directory on its command
     * line goes, whatever became of its manager, then the directories.
     */
    @Override
    public void close() throws Exception {
        try {
            for (PostgresqlManager manager : managers) {
                manager.stop();
            }
        } finally {
            removeEverything();
        }
    }

    private void removeEverything() throws Exception {
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(work.toString())).orElse(false))
                .toList();
        leftovers.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : leftovers) {
            process.onExit().get();
        }
        PostgresqlFiles.delete(work);
    }
}

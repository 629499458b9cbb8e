package dev.shoal.datastores.mysql.guest;

import dev.shoal.guest.spi.GuestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's MariaDB server on disk and as a process: its binaries, its data directory made once, its {@code my.cnf},
 * and its start, which ends once clients reach it over its port and its owner-only socket.
 */
final class MariadbServer {

    private static final Logger log = LoggerFactory.getLogger(MariadbServer.class);

    private final GuestConfig config;
    private final MysqldProcess process;

    MariadbServer(GuestConfig config) {
        this.config = config;
        this.process = new MysqldProcess(config.nodeDir());
    }

    MariadbBinaries binaries() {
        MariadbBinaries binaries = MariadbBinaries.locate(config.setting("mysql.mariadbd").map(Path::of),
                config.setting("mysql.basedir").map(Path::of), System.getenv("PATH"));
        log.info("MySQL server of node {}: {} ({})", config.nodeId(), binaries.mariadbd(), binaries.origin());
        return binaries;
    }

    boolean isInstalled() {
        return Files.isDirectory(dataDir().resolve("mysql"));
    }

    void install(MariadbBinaries binaries) throws IOException, InterruptedException {
        MysqldProcess.installDatabase(binaries, dataDir(), file("tmp"), file("install-db.log"));
    }

    /** {@code my.cnf} sized for {@code memoryMb}, read at the server's next start. */
    void writeConfig(int memoryMb, MariadbBinaries binaries) throws IOException {
        Files.writeString(file("my.cnf"), MysqlConfigFile.render(config.nodeDir(), config.nodeId(),
                config.address(), memoryMb, binaries.basedir(), runningAsRoot()));
    }

    void start(MariadbBinaries binaries) throws IOException, InterruptedException {
        process.start(binaries.mariadbd(), file("my.cnf"));
        process.awaitAccepting(config.address(), MysqlConfigFile.PORT);
        awaitSocket();
        // MariaDB makes its socket 0777 on purpose; here only the agent's own user may connect to it
        PrivateFiles.restrict(socket());
    }

    void stop() throws Exception {
        process.stop();
    }

    Optional<ProcessHandle> handle() {
        return process.handle();
    }

    Path socket() {
        return MysqlConfigFile.socketPath(config.nodeDir(), config.nodeId());
    }

    /** MariaDB listens on its port a moment before it makes its socket: a client may get in between. */
    private void awaitSocket() throws IOException, InterruptedException {
        for (int waited = 0; !Files.exists(socket()); waited += 20) {
            if (waited >= 10_000) {
                throw new IOException("mariadbd accepts on its port but made no socket at " + socket());
            }
            Thread.sleep(20);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private Path dataDir() {
        return file("data");
    }

    private Path file(String name) {
        return config.nodeDir().resolve(name);
    }
}

package dev.shoal.datastores.postgresql.guest;

import dev.shoal.guest.spi.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One node's {@code postgres}: its data directory made by initdb, the server started as the agent's child (and found
 * again through its pid file after an agent restart), waited for until it answers, and stopped fast.
 */
final class PostgresqlServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path nodeDir;
    private final PostgresqlOsUser osUser;
    private final PostgresqlAdmin admin;
    private final ServerProcess process;

    PostgresqlServer(Path nodeDir, PostgresqlOsUser osUser, PostgresqlAdmin admin) {
        this.nodeDir = nodeDir;
        this.osUser = osUser;
        this.admin = admin;
        this.process = new ServerProcess(nodeDir, "postgres.pid", STOP_TIMEOUT);
    }

    Path dataDir() {
        return nodeDir.resolve("data");
    }

    Path log() {
        return nodeDir.resolve("postgres.log");
    }

    boolean initialized() {
        return Files.exists(dataDir().resolve("PG_VERSION"));
    }

    /**
     * initdb, as the server's user, with {@code os_admin} as the bootstrap superuser; the password reaches it through
     * a file of that user's alone, removed at once. A half-made directory from an earlier attempt is made again.
     */
    void initdb(PostgresqlBinaries binaries) throws IOException, InterruptedException {
        letServerThrough();
        Path data = dataDir();
        PostgresqlFiles.delete(data);
        Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        osUser.own(data);
        Path pwfile = nodeDir.resolve("initdb.pw");
        PostgresqlFiles.writePrivate(pwfile, admin.password(), osUser);
        try {
            PostgresqlCommand.run(osUser.command(List.of(binaries.initdb().toString(), "-D", data.toString(),
                    "-U", PostgresqlAdmin.USER, "--pwfile=" + pwfile, "--auth=scram-sha-256", "--encoding=UTF8",
                    "--locale=C")), nodeDir.resolve("initdb.log"), Duration.ofMinutes(5));
        } finally {
            Files.deleteIfExists(pwfile);
        }
        Path conf = data.resolve("postgresql.conf");
        Files.writeString(conf, Files.readString(conf) + "\n" + PostgresqlConfigFile.INCLUDE + "\n");
    }

    /** What every start runs with: the node's address, the flavor's memory, passwords for every client. */
    void configure(String address, int memoryMb) throws IOException {
        PostgresqlFiles.writePrivate(dataDir().resolve(PostgresqlConfigFile.NAME),
                PostgresqlConfigFile.render(address, memoryMb), osUser);
        PostgresqlFiles.writePrivate(dataDir().resolve("pg_hba.conf"), PostgresqlConfigFile.hba(), osUser);
    }

    void start(PostgresqlBinaries binaries) throws IOException, InterruptedException {
        letServerThrough();
        process.start(osUser.command(List.of(binaries.postgres().toString(), "-D", dataDir().toString())), log());
        awaitAnswer();
    }

    /**
     * The server's user passes through the node directory to its data directory and sees nothing else there; every
     * directory above must let it through too, which is said plainly rather than left to initdb's "permission denied".
     * Done at every start: whoever made the node directory may have closed it again.
     */
    private void letServerThrough() throws IOException {
        if (!osUser.isSeparate()) {
            return;
        }
        Files.setPosixFilePermissions(nodeDir, PosixFilePermissions.fromString("rwx--x--x"));
        for (Path dir = nodeDir.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("PostgreSQL runs as " + osUser.name() + ", which cannot pass through "
                        + dir + " to the node directory " + nodeDir + ": let others through it (o+x) or keep the"
                        + " node directories elsewhere");
            }
        }
    }

    /** Until {@code os_admin} gets in: PostgreSQL listens before it has recovered, and refuses logins meanwhile. */
    private void awaitAnswer() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("postgres exited while starting: " + String.join(" | ", logTail(5)));
            }
            try (Connection ignored = admin.connect()) {
                return;
            } catch (SQLException notYet) {
                if ("28P01".equals(notYet.getSQLState())) {
                    throw new IOException("postgres refuses os_admin's password: " + notYet.getMessage(), notYet);
                }
                last = notYet;
                Thread.sleep(50);
            }
        }
        throw new IOException("postgres did not answer within " + START_TIMEOUT + ": "
                + (last == null ? "" : last.getMessage()));
    }

    /** A fast shutdown (SIGINT): clients are cut off rather than waited for, and the server stops cleanly. */
    void stop() throws IOException, InterruptedException {
        Optional<ProcessHandle> running = process.handle();
        if (running.isPresent()) {
            new ProcessBuilder("kill", "-INT", Long.toString(running.get().pid())).start().waitFor();
            try {
                running.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException stillRunning) {
                // the process stop below kills what a fast shutdown did not end
            }
        }
        process.stop();
    }

    /** Started again, {@code between} done while it is stopped. */
    void restart(PostgresqlBinaries binaries, Between between) throws Exception {
        stop();
        between.run();
        start(binaries);
    }

    @FunctionalInterface
    interface Between {
        void run() throws Exception;
    }

    /** The next start is in recovery: read-only, replaying what an upstream sends if it has one. */
    void startAsStandby() throws IOException {
        PostgresqlFiles.writePrivate(dataDir().resolve("standby.signal"), "", osUser);
    }

    void follow(String replicaConf) throws IOException {
        PostgresqlFiles.writePrivate(dataDir().resolve(PostgresqlConfigFile.REPLICA), replicaConf, osUser);
    }

    void unfollow() throws IOException {
        Files.deleteIfExists(dataDir().resolve(PostgresqlConfigFile.REPLICA));
    }

    PostgresqlOsUser osUser() {
        return osUser;
    }

    Optional<ProcessHandle> handle() {
        return process.handle();
    }

    private List<String> logTail(int lines) throws IOException {
        List<String> all = Files.readAllLines(log());
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }
}

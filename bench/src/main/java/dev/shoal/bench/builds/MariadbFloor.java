package dev.shoal.bench.builds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The datastore's own cost of a MySQL node, measured directly on this machine in the same run: a data directory made
 * by {@code mariadb-install-db} as the guest makes it, then {@code mariadbd} started on it until a first query
 * answers. Everything it starts is in a directory of its own, and stopped before it returns.
 */
final class MariadbFloor {

    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final Duration QUERY_EVERY = Duration.ofMillis(20);

    /** @param installDb how long the bootstrap took; @param serverStart mariadbd's start to its first answer */
    record Times(Duration installDb, Duration serverStart) {

        Duration total() {
            return installDb.plus(serverStart);
        }
    }

    private MariadbFloor() {
    }

    static Times measure(Path dir, String address) throws IOException, InterruptedException {
        Path data = dir.resolve("data");
        Path tmp = dir.resolve("tmp");
        Files.createDirectories(data);
        Files.createDirectories(tmp);
        long start = System.nanoTime();
        // the guest's own bootstrap command (MysqldProcess.installDatabase)
        run(List.of(binary("mariadb-install-db", "/usr/bin/mariadb-install-db"), "--no-defaults",
                "--user=" + System.getProperty("user.name"), "--datadir=" + data, "--tmpdir=" + tmp,
                "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install-db.log"));
        Duration installDb = Duration.ofNanos(System.nanoTime() - start);
        Path socket = dir.resolve("mysqld.sock");
        Process server = new ProcessBuilder(binary("mariadbd", "/usr/sbin/mariadbd"), "--no-defaults",
                "--user=" + System.getProperty("user.name"), "--datadir=" + data, "--tmpdir=" + tmp,
                "--socket=" + socket, "--bind-address=" + address, "--port=3306",
                "--pid-file=" + dir.resolve("mysqld.pid"), "--log-error=" + dir.resolve("mysqld.err"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("mysqld.out").toFile()).start();
        long serverStarted = System.nanoTime();
        try {
            while (!answers(socket)) {
                if (!server.isAlive()) {
                    throw new IOException("mariadbd exited; see " + dir.resolve("mysqld.err"));
                }
                if (Duration.ofNanos(System.nanoTime() - serverStarted).compareTo(BOUND) > 0) {
                    throw new IOException("mariadbd did not answer within " + BOUND.toSeconds() + " s");
                }
                Thread.sleep(QUERY_EVERY.toMillis());
            }
            return new Times(installDb, Duration.ofNanos(System.nanoTime() - serverStarted));
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean answers(Path socket) throws IOException, InterruptedException {
        if (!Files.exists(socket)) {
            return false;
        }
        Process query = new ProcessBuilder(binary("mariadb", "/usr/bin/mariadb"), "--no-defaults",
                "--socket=" + socket, "-u", "root", "-e", "select 1").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!query.waitFor(10, TimeUnit.SECONDS)) {
            query.destroyForcibly();
            return false;
        }
        return query.exitValue() == 0;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish within " + BOUND.toSeconds() + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed (" + process.exitValue() + "); see " + log);
        }
    }

    private static String binary(String name, String usual) {
        if (Files.isExecutable(Path.of(usual))) {
            return usual;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return name;
    }
}

package dev.shoal.datastores.mysql.guest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A consistent copy of a node's user databases as {@code mariadb-dump} writes it, and its loading through the
 * {@code mariadb} client: what replication snapshots and backups both are made of.
 */
final class MysqlDump {

    private final Path adminFile;
    private final Path log;

    /** @param log where the tools write what they have to say, and where a failure's reason is read from */
    MysqlDump(Path adminFile, Path log) {
        this.adminFile = adminFile;
        this.log = log;
    }

    /**
     * The dump of every user database, read in one transaction; {@code --gtid} with {@code --master-data=2} records,
     * commented out, the GTID position the copy was read at.
     */
    List<String> command(MariadbBinaries binaries) {
        return new ArrayList<>(List.of(binaries.client("mariadb-dump").toString(),
                "--defaults-extra-file=" + adminFile, "--single-transaction", "--gtid", "--master-data=2",
                "--routines", "--events", "--triggers", "--all-databases", "--ignore-database=mysql",
                "--ignore-database=sys"));
    }

    /** Streams the dump into {@code out}; the tool is stopped when writing fails or it outlasts {@code timeout}. */
    void writeTo(OutputStream out, MariadbBinaries binaries, Duration timeout)
            throws IOException, InterruptedException {
        Process dump = new ProcessBuilder(command(binaries))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            try (InputStream sql = dump.getInputStream()) {
                sql.transferTo(out);
            }
            if (!dump.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("mariadb-dump did not finish within " + timeout.toMinutes() + " min");
            }
            if (dump.exitValue() != 0) {
                throw new IOException("mariadb-dump failed (exit code " + dump.exitValue() + ")" + lastWords());
            }
        } finally {
            dump.destroyForcibly();
        }
    }

    /**
     * Loads SQL without writing this node's binary log: a replica's GTID history stays its master's, and a
     * restored instance starts its own history after the data it was given. Loading the same dump twice gives the
     * same data, since it drops and recreates every table.
     */
    void load(InputStream sql, MariadbBinaries binaries, String what) throws IOException, InterruptedException {
        Process load = new ProcessBuilder(binaries.client("mariadb").toString(),
                "--defaults-extra-file=" + adminFile, "--init-command=SET sql_log_bin=0")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        IOException writing = null;
        try (OutputStream in = load.getOutputStream()) {
            sql.transferTo(in);
        } catch (IOException e) {
            // the client stopped reading: its exit code and output say why
            writing = e;
        }
        if (load.waitFor() != 0 || writing != null) {
            throw new IOException("loading " + what + " failed" + lastWords(), writing);
        }
    }

    /** The tool's last complaint, so a failure says why without a look into the log. */
    private String lastWords() throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        try (Stream<String> lines = Files.lines(log)) {
            List<String> said = lines.filter(line -> !line.isBlank()).toList();
            return said.isEmpty() ? "; see " + log : ": " + said.get(said.size() - 1).strip() + " (see " + log + ")";
        }
    }
}

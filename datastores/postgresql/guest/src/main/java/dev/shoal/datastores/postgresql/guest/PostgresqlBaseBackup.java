package dev.shoal.datastores.postgresql.guest;

import dev.shoal.datastores.postgresql.PostgresqlDatastore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A copy of a running server's data directory by {@code pg_basebackup}, where the version has it (Debian's
 * packages): the server's own tool, over the replication protocol, instead of the guest's file-by-file low-level
 * copy. A replication snapshot's copy takes no WAL: what a replica made from it needs, it streams, kept for it by the
 * snapshot's replication slot, made before the copy began; a backup's takes the WAL that makes it consistent. The copy
 * is the agent's user's, as {@code pg_basebackup} writes it ({@code 0600} in {@code 0700}).
 */
final class PostgresqlBaseBackup {

    private static final Duration TIMEOUT = Duration.ofHours(2);

    private PostgresqlBaseBackup() {
    }

    /**
     * @param target  a directory that does not exist yet
     * @param withWal whether the copy holds the WAL it needs (a backup) or leaves it to streaming (a snapshot)
     * @param log     where the tool writes, kept for when it fails
     */
    static void take(Path pgBasebackup, String address, String adminPassword, Path target, boolean withWal, Path log)
            throws IOException, InterruptedException {
        Path passfile = target.resolveSibling(target.getFileName() + ".pgpass");
        PostgresqlFiles.writePrivate(passfile, "*:*:*:" + PostgresqlAdmin.USER + ":" + adminPassword + "\n",
                PostgresqlOsUser.agent());
        try {
            Files.deleteIfExists(log);
            PostgresqlCommand.run(List.of(pgBasebackup.toString(), "--pgdata=" + target, "--wal-method=" + (withWal ? "fetch" : "none"),
                    "--checkpoint=fast", "--no-manifest", "--dbname=host=" + address + " port="
                            + PostgresqlDatastore.PORT + " user=" + PostgresqlAdmin.USER + " passfile=" + passfile),
                    log, TIMEOUT);
        } finally {
            Files.deleteIfExists(passfile);
        }
    }
}

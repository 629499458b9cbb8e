package dev.shoal.datastores.postgresql.guest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A data directory copied file by file while its server runs, between {@code pg_backup_start} and
 * {@code pg_backup_stop}, as PostgreSQL's low-level base backup has it: what the server makes again by itself (WAL,
 * which a replica streams, replication slots, temporary and runtime state) is left out, keeping the directories.
 * Copies are the agent's user's alone ({@code 0600} in {@code 0700}); a restored copy is given to the server's user.
 */
final class PostgresqlDataCopy {

    /** Directories whose contents the documentation says to leave out of a base backup. */
    static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    /** Files of the running server, or of this node alone. */
    static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "pg_internal.init",
            "standby.signal", "recovery.signal", PostgresqlConfigFile.REPLICA, "backup_label", "tablespace_map");

    /** Where what is copied goes. */
    interface Sink {
        void directory(String relative) throws IOException;

        /** @throws NoSuchFileException when the server removed it meanwhile, which replaying WAL does without */
        void file(String relative, Path file) throws IOException;
    }

    private PostgresqlDataCopy() {
    }

    static void copy(Path from, Path to) throws IOException {
        walk(from, new Sink() {
            @Override
            public void directory(String relative) throws IOException {
                Path dir = to.resolve(relative);
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }

            @Override
            public void file(String relative, Path file) throws IOException {
                Path target = to.resolve(relative);
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            }
        });
    }

    static void walk(Path from, Sink sink) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                sink.directory(from.relativize(dir).toString());
                boolean emptied = dir.getParent() != null && dir.getParent().equals(from)
                        && EMPTIED.contains(dir.getFileName().toString());
                return emptied ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                if (LEFT_OUT.contains(name) || name.startsWith("pgsql_tmp") || !attributes.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    sink.file(from.relativize(file).toString(), file);
                } catch (NoSuchFileException goneMeanwhile) {
                    // the server removed it while it was copied: replaying WAL does without it
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
    }

    /** Gives every file of a restored copy to the server's user. */
    static void own(Path root, PostgresqlOsUser user) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                user.own(path);
            }
        }
    }
}

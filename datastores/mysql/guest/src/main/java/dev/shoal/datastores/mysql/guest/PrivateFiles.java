package dev.shoal.datastores.mysql.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only the agent's own user reads: backups and snapshots hold the tenant's data and its account password
 * hashes, so they are {@code 0600} in {@code 0700} directories, set at creation rather than after.
 */
final class PrivateFiles {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** A store made by an older agent, readable by others, is closed too. */
    static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(dir, attribute(DIRECTORY));
            } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
                // another node of the same store made it first
            }
        }
        Files.setPosixFilePermissions(dir, DIRECTORY);
        return dir;
    }

    /** An empty file that nobody else ever reads, replacing whatever was left under its name. */
    static Path file(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.createFile(file, attribute(FILE));
    }

    /** For what another program created with its own mode: a server's socket, a tool's result file. */
    static void restrict(Path file) throws IOException {
        Files.setPosixFilePermissions(file, FILE);
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}

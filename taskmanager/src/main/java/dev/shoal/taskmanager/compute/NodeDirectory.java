package dev.shoal.taskmanager.compute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/** A local node's directory as the driver makes and removes it. */
final class NodeDirectory {

    private NodeDirectory() {
    }

    /**
     * The node's data, logs, secret and socket are its own user's alone; a directory an older driver made readable
     * by others is closed too.
     */
    static void createPrivate(Path nodeDir) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(nodeDir)) {
            Files.createDirectories(nodeDir.toAbsolutePath().getParent());
            Files.createDirectory(nodeDir, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        Files.setPosixFilePermissions(nodeDir, ownerOnly);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}

package dev.shoal.taskmanager.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A directory every node of the local compute driver reaches; nothing outside it is ever removed. */
public class LocalBackupStore implements BackupStore {

    private final Path directory;

    public LocalBackupStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public void delete(String location) throws IOException {
        Path file = Path.of(location).toAbsolutePath().normalize();
        if (!file.startsWith(directory) || file.equals(directory)) {
            throw new IOException(location + " is not in the backup store " + directory);
        }
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".part"));
        Files.deleteIfExists(file);
    }
}

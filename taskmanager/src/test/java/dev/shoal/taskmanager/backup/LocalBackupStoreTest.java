package dev.shoal.taskmanager.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackupStoreTest {

    @TempDir
    Path work;

    @Test
    void removesABackupAndWhatWasLeftOfItAndRemovingItAgainDoesNothing() throws IOException {
        Path store = Files.createDirectories(work.resolve(".backups"));
        Path backup = Files.writeString(store.resolve("mysql-b-1.sql.gz"), "dump");
        Path partial = Files.writeString(store.resolve("mysql-b-1.sql.gz.part"), "du");
        LocalBackupStore backups = new LocalBackupStore(store);

        backups.delete(backup.toString());
        backups.delete(backup.toString());

        assertThat(backup).doesNotExist();
        assertThat(partial).doesNotExist();
    }

    @Test
    void removesNothingOutsideTheStore() throws IOException {
        Path store = Files.createDirectories(work.resolve(".backups"));
        Path outside = Files.writeString(work.resolve("guest.properties"), "node.secret=...");
        LocalBackupStore backups = new LocalBackupStore(store);

        assertThatThrownBy(() -> backups.delete(outside.toString())).hasMessageContaining("not in the backup store");
        assertThatThrownBy(() -> backups.delete(store + "/../guest.properties"))
                .hasMessageContaining("not in the backup store");
        assertThatThrownBy(() -> backups.delete(store.toString())).hasMessageContaining("not in the backup store");
        assertThat(outside).exists();
    }
}

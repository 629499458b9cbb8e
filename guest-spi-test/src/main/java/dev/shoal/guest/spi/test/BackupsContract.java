package dev.shoal.guest.spi.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.guest.StoredBackup;
import dev.shoal.guest.spi.Backups;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What a datastore with backups does against its real server, on a node its test prepared, with a backup store on
 * this machine: a backup asked for twice is written once, and a deleted one is gone, deleting it again changing
 * nothing. Restoring is each datastore's own test, since it needs a second node.
 */
public interface BackupsContract {

    /** The prepared node's backups; the same node for every call within one test. */
    Backups backups() throws Exception;

    @Test
    default void aBackupAskedForTwiceIsWrittenOnce() throws Exception {
        StoredBackup first = backups().createBackup("contract-twice");

        assertThat(backups().createBackup("contract-twice")).isEqualTo(first);
        assertThat(Path.of(first.location())).exists();
        assertThat(first.size()).isEqualTo(Files.size(Path.of(first.location())));
        assertThat(first.checksum()).isNotBlank();
    }

    @Test
    default void aDeletedBackupIsGoneAndDeletingItAgainChangesNothing() throws Exception {
        StoredBackup backup = backups().createBackup("contract-gone");

        backups().deleteBackup("contract-gone");
        backups().deleteBackup("contract-gone");

        assertThat(Path.of(backup.location())).doesNotExist();
        assertThat(backups().createBackup("contract-gone")).as("written anew").isNotNull();
    }
}

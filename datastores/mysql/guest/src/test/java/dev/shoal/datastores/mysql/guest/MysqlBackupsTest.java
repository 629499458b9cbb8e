package dev.shoal.datastores.mysql.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.guest.RestorePoint;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a node refuses to load before it touches its server. */
class MysqlBackupsTest {

    @TempDir
    Path work;

    @Test
    void restoresOnlyFilesOfTheBackupStoreThatMatchTheirChecksum() throws Exception {
        Path store = Files.createDirectories(work.resolve(".backups"));
        MysqlBackups backups = new MysqlBackups(work.resolve("node"), store, null);
        Path file = Files.writeString(store.resolve("mysql-b-1.sql.gz"), "not what was written");

        assertThatThrownBy(() -> backups.restore(new RestorePoint("b-1", "/etc/passwd", "00"), null))
                .hasMessageContaining("not in the backup store");
        assertThatThrownBy(() -> backups.restore(new RestorePoint("b-1", store + "/../node/x.sql.gz", "00"), null))
                .hasMessageContaining("not in the backup store");
        assertThatThrownBy(() -> backups.restore(new RestorePoint("b-2", store.resolve("mysql-b-2.sql.gz")
                .toString(), "00"), null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> backups.restore(new RestorePoint("b-1", file.toString(), "0".repeat(64)), null))
                .hasMessageContaining("damaged");
    }

    @Test
    void namesOnlyBackupIdsAndDeletingWhatIsGoneDoesNothing() throws Exception {
        MysqlBackups backups = new MysqlBackups(work.resolve("node"), work.resolve(".backups"), null);

        assertThat(backups.backupFile("7f0c-11")).hasFileName("mysql-7f0c-11.sql.gz");
        assertThatThrownBy(() -> backups.backupFile("../x")).isInstanceOf(IllegalArgumentException.class);
        backups.delete("7f0c-11");
    }
}

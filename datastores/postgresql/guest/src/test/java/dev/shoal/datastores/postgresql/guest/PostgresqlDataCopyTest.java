package dev.shoal.datastores.postgresql.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresqlDataCopyTest {

    @Test
    void copiesTheDataButNotWhatTheServerMakesAgainNorWhatIsThisNodesAlone(@TempDir Path work) throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        Files.createDirectories(data.resolve("base/1"));
        Files.writeString(data.resolve("base/1/1259"), "table");
        Files.writeString(data.resolve("PG_VERSION"), "18");
        Files.createDirectories(data.resolve("pg_wal/archive_status"));
        Files.writeString(data.resolve("pg_wal/000000010000000000000001"), "wal");
        Files.createDirectories(data.resolve("pg_replslot/slot"));
        Files.writeString(data.resolve("postmaster.pid"), "42");
        Files.writeString(data.resolve("standby.signal"), "");
        Files.writeString(data.resolve(PostgresqlConfigFile.REPLICA), "primary_conninfo = ''");

        PostgresqlDataCopy.copy(data, work.resolve("copy"));

        Path copy = work.resolve("copy");
        assertThat(copy.resolve("base/1/1259")).hasContent("table");
        assertThat(copy.resolve("PG_VERSION")).hasContent("18");
        assertThat(copy.resolve("pg_wal")).isEmptyDirectory();
        assertThat(copy.resolve("pg_replslot")).isEmptyDirectory();
        assertThat(copy.resolve("postmaster.pid")).doesNotExist();
        assertThat(copy.resolve("standby.signal")).doesNotExist();
        assertThat(copy.resolve(PostgresqlConfigFile.REPLICA)).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.resolve("base/1/1259"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.resolve("base"))))
                .isEqualTo("rwx------");
    }
}

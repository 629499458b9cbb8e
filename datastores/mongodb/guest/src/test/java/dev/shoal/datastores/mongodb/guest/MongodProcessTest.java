package dev.shoal.datastores.mongodb.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongodProcessTest {

    @TempDir
    Path dir;

    @Test
    void usesTheConfiguredBinaryFirst() throws Exception {
        Path configured = executable(dir.resolve("opt/mongod"));
        executable(dir.resolve("bin/mongod"));

        assertThat(MongodProcess.locate(Optional.of(configured.toString()), dir.resolve("bin").toString()))
                .isEqualTo(configured);
    }

    @Test
    void findsMongodOnThePath() throws Exception {
        Path onPath = executable(dir.resolve("bin/mongod"));

        assertThat(MongodProcess.locate(Optional.empty(), dir.resolve("empty") + ":" + dir.resolve("bin")))
                .isEqualTo(onPath);
    }

    @Test
    void saysWhichSettingToFixWhenThereIsNoMongod() {
        assertThatThrownBy(() -> MongodProcess.locate(Optional.empty(), dir.toString()))
                .hasMessageContaining("set mongodb.mongod");
        assertThatThrownBy(() -> MongodProcess.locate(Optional.of(dir.resolve("absent").toString()), null))
                .hasMessageContaining("mongodb.mongod names " + dir.resolve("absent"));
    }

    @Test
    void aNodeWithoutARunningServerHasNoProcess() {
        assertThat(new MongodProcess(dir).isAlive()).isFalse();
    }

    private static Path executable(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}

package dev.shoal.datastores.cassandra.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraLaunchTest {

    @TempDir
    Path dir;

    @Test
    void heapIsAQuarterOfTheFlavorMemoryWithinBounds() {
        assertThat(CassandraLaunch.heapMb(512)).isEqualTo(256);
        assertThat(CassandraLaunch.heapMb(2048)).isEqualTo(512);
        assertThat(CassandraLaunch.heapMb(16384)).isEqualTo(1024);
    }

    @Test
    void runsTheDaemonFromTheLibDirectoryWithItsOwnJmxPortAndJamm() throws Exception {
        Path lib = lib();

        List<String> command = new CassandraLaunch(512, 7301, Optional.empty())
                .command(Path.of("/usr/bin/java"), lib, dir);

        assertThat(command).startsWith("/usr/bin/java", "-Xms512m", "-Xmx512m")
                .contains("-javaagent:" + lib.resolve("jamm-0.4.0.jar"), "-Dcassandra.jmx.local.port=7301",
                        "-Dcassandra-foreground=yes", "-Dcassandra.config=" + dir.resolve("cassandra.yaml").toUri(),
                        "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED")
                .endsWith("-cp", lib + "/*", "org.apache.cassandra.service.CassandraDaemon")
                .noneMatch(arg -> arg.startsWith("-Dcassandra.replace_address"));
    }

    @Test
    void aReplacingNodeTakesTheDeadNodesAddressOnFirstBoot() throws Exception {
        List<String> command = new CassandraLaunch(256, 7301, Optional.of("10.0.0.9"))
                .command(Path.of("java"), lib(), dir);

        assertThat(command).contains("-Dcassandra.replace_address_first_boot=10.0.0.9",
                "-Dcassandra.broadcast_interval_ms=5000");
    }

    @Test
    void survivesInTheNodeDirectory() throws Exception {
        CassandraLaunch launch = new CassandraLaunch(384, 7302, Optional.of("10.0.0.9"));

        launch.store(dir);

        assertThat(CassandraLaunch.load(dir)).contains(launch);
        assertThat(CassandraLaunch.load(dir.resolve("missing"))).isEmpty();
    }

    private Path lib() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.createFile(lib.resolve("jamm-0.4.0.jar"));
        Files.createFile(lib.resolve("cassandra-all-5.0.9.jar"));
        return lib;
    }
}

package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MariaDB from Maven Central unpacks into a distribution whose server really runs here. */
class BundledMariaDbIT {

    @TempDir
    Path home;

    @Test
    void unpacksARunnableServerAndItsInstallScriptOnce() throws Exception {
        Path dist = BundledMariaDb.unpack(home).orElseThrow();

        assertThat(dist.resolve("bin/mariadbd")).isExecutable();
        assertThat(dist.resolve("scripts/mariadb-install-db")).isExecutable();
        Process version = new ProcessBuilder(dist.resolve("bin/mariadbd").toString(), "--version")
                .redirectErrorStream(true).start();
        assertThat(version.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(version.getInputStream().readAllBytes())).contains(BundledMariaDb.VERSION + "-MariaDB");

        Files.delete(dist.resolve("bin/mariadbd"));
        assertThat(BundledMariaDb.unpack(home)).contains(dist);
        assertThat(dist.resolve("bin/mariadbd")).as("a complete unpack is not repeated").doesNotExist();
    }
}

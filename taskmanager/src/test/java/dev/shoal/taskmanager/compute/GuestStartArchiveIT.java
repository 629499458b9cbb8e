package dev.shoal.taskmanager.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guest agent's class data archive, made by a real training run of the real agent jar. */
class GuestStartArchiveIT {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    @Test
    void anAgentStartsFromTheArchiveOnceTrainedAndAChangedJarGetsANewOne() throws Exception {
        Path jar = Files.copy(Path.of("target/classes/guestagent/shoal-guestagent.jar"), dir.resolve("agent.jar"));
        GuestStartArchive archives = new GuestStartArchive(JAVA, GuestLauncher.JVM_FLAGS, dir.resolve("archives"));

        assertThat(archives.flagFor(jar)).as("not made yet: agents start without it meanwhile").isEmpty();
        String flag = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> archives.flagFor(jar), Optional::isPresent).orElseThrow();

        assertThat(classesLoadedFromArchive(jar, flag)).as("agent classes mapped from the archive")
                .anyMatch(line -> line.contains("dev.shoal.guestagent"));

        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        assertThat(archives.flagFor(jar)).as("an archive is valid for one jar only").isEmpty();
        String renewed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> archives.flagFor(jar), Optional::isPresent).orElseThrow();
        assertThat(renewed).isNotEqualTo(flag);
        try (var files = Files.list(dir.resolve("archives"))) {
            assertThat(files.map(Path::getFileName).map(Path::toString))
                    .as("the earlier jar's archive is removed").containsExactly(
                            Path.of(renewed.substring(renewed.indexOf('=') + 1)).getFileName().toString());
        }
    }

    /** Lines of a JVM's class loading log saying a class came from the archive, with -Xshare:on refusing a bad one. */
    private List<String> classesLoadedFromArchive(Path jar, String flag) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), flag, "-Xshare:on", "-Xlog:class+load=info"));
        command.addAll(GuestLauncher.JVM_FLAGS);
        command.addAll(List.of("-cp", jar.toString(), "dev.shoal.guestagent.StartupTraining"));
        Path out = dir.resolve("run.log");
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(out)).isZero();
        return Files.readAllLines(out).stream().filter(line -> line.contains("shared objects file")).toList();
    }
}

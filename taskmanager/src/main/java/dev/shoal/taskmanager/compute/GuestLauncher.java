package dev.shoal.taskmanager.compute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a node's guest agent in a session of its own, so that it outlives the task manager, and finds it again
 * through the pid file in the node's directory.
 */
final class GuestLauncher {

    private static final String GUEST_MAIN = "dev.shoal.guestagent.GuestAgent";

    private final LocalComputeProperties properties;
    private final Path workDir;
    private volatile Path guestJar;

    GuestLauncher(LocalComputeProperties properties, Path workDir) {
        this.properties = properties;
        this.workDir = workDir;
    }

    /** @return the new guest's pid */
    long start(Path nodeDir) throws IOException {
        Process guest = new ProcessBuilder(command(nodeDir))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(nodeDir.resolve("guest.log").toFile()))
                .start();
        Files.writeString(nodeDir.resolve("guest.pid"), Long.toString(guest.pid()));
        return guest.pid();
    }

    /** The node's guest, if it runs: a pid file naming another process (its pid reused) is no guest. */
    Optional<ProcessHandle> running(Path nodeDir) {
        try {
            long pid = Long.parseLong(Files.readString(nodeDir.resolve("guest.pid")).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(nodeDir.toString())).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private List<String> command(Path nodeDir) throws IOException {
        List<String> command = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            command.add(setsid.toString());
        }
        Path java = properties.javaBinary() != null ? properties.javaBinary()
                : Path.of(System.getProperty("java.home"), "bin", "java");
        command.addAll(List.of(java.toString(), "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", guestJar().toString(), GUEST_MAIN, nodeDir.resolve("guest.properties").toString()));
        return command;
    }

    private Path guestJar() throws IOException {
        if (properties.guestJar() != null) {
            return properties.guestJar();
        }
        if (guestJar == null) {
            guestJar = GuestJar.extract(workDir.resolve(".guestagent"));
        }
        return guestJar;
    }
}

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
    /** A small heap and the quickest start: an agent mostly waits on its datastore and the broker. */
    static final List<String> JVM_FLAGS = List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final LocalComputeProperties properties;
    private final Path workDir;
    private final Path java;
    private final GuestStartArchive archive;
    private Path guestJar;

    GuestLauncher(LocalComputeProperties properties, Path workDir) {
        this.properties = properties;
        this.workDir = workDir;
        this.java = properties.javaBinary() != null ? properties.javaBinary()
                : Path.of(System.getProperty("java.home"), "bin", "java");
        this.archive = new GuestStartArchive(java, JVM_FLAGS, workDir.resolve(".guestagent"));
    }

    /** Makes the agents' class data archive now rather than at the first node's start, which it would then miss. */
    void prepareStarts() {
        try {
            archive.flagFor(guestJar());
        } catch (IOException e) {
            // the first start reports it
        }
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
        Path jar = guestJar();
        command.add(java.toString());
        archive.flagFor(jar).ifPresent(command::add);
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", jar.toString(), GUEST_MAIN, nodeDir.resolve("guest.properties").toString()));
        return command;
    }

    private synchronized Path guestJar() throws IOException {
        if (properties.guestJar() != null) {
            return properties.guestJar();
        }
        if (guestJar == null) {
            guestJar = GuestJar.extract(workDir.resolve(".guestagent"));
        }
        return guestJar;
    }
}

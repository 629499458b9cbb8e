package dev.shoal.taskmanager.compute;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class data archive of the guest agent's start, made in the background by one training run per guest jar and JVM.
 * An agent launched with it starts in about 0.2 s instead of 0.35 s on two cores, and the agents of a cluster's nodes,
 * which start at once, contend less for the CPU their datastores' installs need. Until it is made, or when making it
 * failed, agents start without it; an archive the JVM finds stale it ignores.
 */
final class GuestStartArchive {

    private static final Logger log = LoggerFactory.getLogger(GuestStartArchive.class);
    private static final String TRAINING_MAIN = "dev.shoal.guestagent.StartupTraining";
    private static final long TRAINING_BOUND_SECONDS = 60;

    private final Path java;
    private final List<String> jvmFlags;
    private final Path directory;
    private final Set<Path> attempted = ConcurrentHashMap.newKeySet();

    /**
     * @param jvmFlags  the flags agents are launched with: an archive is only used by a JVM launched alike
     * @param directory where archives are kept, whoever owns the jar's directory
     */
    GuestStartArchive(Path java, List<String> jvmFlags, Path directory) {
        this.java = java;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.directory = directory;
    }

    /** The flag that launches an agent of {@code jar} from its archive, once made; starts making it otherwise. */
    Optional<String> flagFor(Path jar) {
        Path archive;
        try {
            archive = archiveOf(jar);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (Files.isRegularFile(archive)) {
            return Optional.of("-XX:SharedArchiveFile=" + archive);
        }
        if (attempted.add(archive)) {
            Thread training = new Thread(() -> train(jar, archive), "guest-start-training");
            training.setDaemon(true);
            training.start();
        }
        return Optional.empty();
    }

    /** Named for the jar's path, size and time and for the JVM, each of which a dynamic archive is valid for only. */
    private Path archiveOf(Path jar) throws IOException {
        Path absolute = jar.toAbsolutePath();
        String key = absolute + "|" + Files.size(absolute) + "|" + Files.getLastModifiedTime(absolute).toMillis()
                + "|" + java + "|" + jvmFlags;
        return directory.resolve(prefix(absolute) + Integer.toHexString(key.hashCode()) + ".jsa");
    }

    private static String prefix(Path jar) {
        return jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-start-";
    }

    private void train(Path jar, Path archive) {
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        Path log = archive.resolveSibling(archive.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:ArchiveClassesAtExit=" + partial));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", jar.toString(), TRAINING_MAIN));
        try {
            Files.createDirectories(directory);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(TRAINING_BOUND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("still running after " + TRAINING_BOUND_SECONDS + " s");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(partial)) {
                throw new IOException("exited " + process.exitValue() + " without an archive; see " + log);
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(log);
            removeOthers(jar, archive);
            GuestStartArchive.log.info("guest agents start from the class data archive {}", archive);
        } catch (IOException e) {
            GuestStartArchive.log.warn("guest agents start without a class data archive: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover part is overwritten by the next training
            }
        }
    }

    /** Archives of earlier jars: agents running from one keep their mapping of it. */
    private void removeOthers(Path jar, Path archive) throws IOException {
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(directory, prefix(jar) + "*.jsa")) {
            for (Path other : archives) {
                if (!other.equals(archive)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }
}

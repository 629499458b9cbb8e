package dev.shoal.guestagent.supervision;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The supervision counts in the node's directory, so an agent started again goes on counting where the last left. */
public final class SupervisionFile {

    private static final Logger log = LoggerFactory.getLogger(SupervisionFile.class);

    private final Path file;

    public SupervisionFile(Path file) {
        this.file = file;
    }

    ServerSupervisor.Counts read() {
        if (!Files.exists(file)) {
            return ServerSupervisor.Counts.NONE;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            String lastCrash = properties.getProperty("last.crash");
            return new ServerSupervisor.Counts(Integer.parseInt(properties.getProperty("restarts", "0")),
                    lastCrash == null ? null : Instant.parse(lastCrash));
        } catch (IOException | RuntimeException unreadable) {
            log.warn("supervision counts in {} unreadable, counting from zero: {}", file, unreadable.toString());
            return ServerSupervisor.Counts.NONE;
        }
    }

    void write(ServerSupervisor.Counts counts) {
        Properties properties = new Properties();
        properties.setProperty("restarts", Integer.toString(counts.restarts()));
        if (counts.lastCrash() != null) {
            properties.setProperty("last.crash", counts.lastCrash().toString());
        }
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            try (Writer writer = Files.newBufferedWriter(partial)) {
                properties.store(writer, "crashes of this node's server the guest started it again after");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("supervision counts not written to {}: {}", file, e.toString());
        }
    }
}

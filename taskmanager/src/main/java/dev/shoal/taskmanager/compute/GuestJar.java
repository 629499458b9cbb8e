package dev.shoal.taskmanager.compute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The guest agent jar shipped inside the task manager, written out once so guests can run it. */
final class GuestJar {

    static final String RESOURCE = "guestagent/shoal-guestagent.jar";

    private GuestJar() {
    }

    static Path extract(Path directory) throws IOException {
        Path target = directory.resolve("shoal-guestagent.jar");
        try (InputStream in = GuestJar.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the guest agent jar is not on the classpath (" + RESOURCE + "); build the "
                        + "guestagent module or set shoal.compute.local.guest-jar");
            }
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "guestagent", ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }
}

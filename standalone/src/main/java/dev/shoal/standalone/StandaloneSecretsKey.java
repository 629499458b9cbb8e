package dev.shoal.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key node secrets are encrypted with, when none is configured: made once into {@code $SHOAL_HOME/secrets.key}
 * (0600) and read again at every start, so the secrets stored in the embedded database stay readable. Losing the
 * file loses the nodes' secrets, as losing the database would.
 */
final class StandaloneSecretsKey {

    static final String FILE_NAME = "secrets.key";

    private StandaloneSecretsKey() {
    }

    /** @return the base64 key kept in {@code home}, made on the first call */
    static String loadOrCreate(Path home) throws IOException {
        Path file = home.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path partial = home.resolve(FILE_NAME + ".part");
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rw-------")));
            Files.writeString(partial, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException madeMeanwhile) {
                Files.deleteIfExists(partial);
            }
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
}

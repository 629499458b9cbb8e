package dev.shoal.datastores.postgresql.guest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A base backup of another node's running server over an ordinary superuser connection, for versions without
 * {@code pg_basebackup} (Maven Central's binaries): between {@code pg_backup_start} and {@code pg_backup_stop} in one
 * session, every file of its data directory is listed with {@code pg_ls_dir} and read in chunks with
 * {@code pg_read_binary_file}, leaving out what {@link PostgresqlDataCopy} leaves out. The copy is the agent's user's
 * until it is given to the server's.
 */
final class PostgresqlRemoteCopy {

    private static final int CHUNK = 8 * 1024 * 1024;

    private PostgresqlRemoteCopy() {
    }

    /** Copies the data directory of {@code source}'s server into {@code target}, which must not exist. */
    static void copy(Connection source, Path target) throws SQLException, IOException {
        directory(target);
        try (Statement sql = source.createStatement()) {
            sql.execute("select pg_backup_start('shoal copy', true)");
            boolean stopped = false;
            try {
                copyDirectory(source, ".", target);
                try (ResultSet stop = sql.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                    stop.next();
                    Files.writeString(target.resolve("backup_label"), stop.getString("labelfile"));
                    String spcmap = stop.getString("spcmapfile");
                    if (spcmap != null && !spcmap.isEmpty()) {
                        Files.writeString(target.resolve("tablespace_map"), spcmap);
                    }
                }
                stopped = true;
            } finally {
                if (!stopped) {
                    abandon(sql);
                }
            }
        }
    }

    private static void copyDirectory(Connection source, String dir, Path target) throws SQLException, IOException {
        for (Entry entry : list(source, dir)) {
            String path = dir.equals(".") ? entry.name() : dir + "/" + entry.name();
            Path local = target.resolve(entry.name());
            if (entry.directory()) {
                directory(local);
                if (!(dir.equals(".") && PostgresqlDataCopy.EMPTIED.contains(entry.name()))) {
                    copyDirectory(source, path, local);
                }
            } else if (!PostgresqlDataCopy.LEFT_OUT.contains(entry.name()) && !entry.name().startsWith("pgsql_tmp")) {
                copyFile(source, path, local);
            }
        }
    }

    private static List<Entry> list(Connection source, String dir) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement list = source.prepareStatement("select name, (pg_stat_file(? || '/' || name, true))"
                + ".isdir from pg_ls_dir(?, true, false) as name")) {
            list.setString(1, dir);
            list.setString(2, dir);
            try (ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    // null: it went meanwhile, which replaying the WAL does without
                    if (rows.getObject(2) != null) {
                        entries.add(new Entry(rows.getString(1), rows.getBoolean(2)));
                    }
                }
            }
        }
        return entries;
    }

    private static void copyFile(Connection source, String path, Path local) throws SQLException, IOException {
        try (PreparedStatement read = source.prepareStatement("select pg_read_binary_file(?, ?, ?, true)")) {
            read.setString(1, path);
            read.setInt(3, CHUNK);
            long offset = 0;
            try (OutputStream out = Files.newOutputStream(local)) {
                Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rw-------"));
                while (true) {
                    read.setLong(2, offset);
                    byte[] chunk;
                    try (ResultSet row = read.executeQuery()) {
                        row.next();
                        chunk = row.getBytes(1);
                    }
                    if (chunk == null) {
                        return;
                    }
                    out.write(chunk);
                    offset += chunk.length;
                    if (chunk.length < CHUNK) {
                        return;
                    }
                }
            }
        }
    }

    private static void directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    /** A backup left unfinished would hold the source's WAL until its session ends; it ends it at once. */
    private static void abandon(Statement sql) {
        try {
            sql.execute("select pg_backup_stop(false)");
        } catch (SQLException alreadyGone) {
            // the session is gone, and the backup with it
        }
    }

    private record Entry(String name, boolean directory) {
    }
}

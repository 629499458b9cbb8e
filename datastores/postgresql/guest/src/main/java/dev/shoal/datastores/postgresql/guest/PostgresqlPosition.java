package dev.shoal.datastores.postgresql.guest;

/**
 * A WAL position as the control plane compares transaction positions: the task manager orders replicas by MariaDB's
 * GTID notation ({@code domain-server-sequence}), in which, within one domain, the sequence alone orders transactions.
 * An LSN is such a sequence: a byte offset into the WAL that only grows, across timelines too, so it goes as the
 * sequence of domain 0 ({@code 0/5000060} is {@code 0-0-83886176}). The guest takes either form back.
 */
final class PostgresqlPosition {

    private static final String PREFIX = "0-0-";

    private PostgresqlPosition() {
    }

    /** @param lsn as PostgreSQL prints it, {@code X/Y} in hexadecimal; null (no WAL yet) is position 0 */
    static String fromLsn(String lsn) {
        if (lsn == null) {
            return PREFIX + 0;
        }
        return PREFIX + Long.toUnsignedString(bytes(lsn));
    }

    /** @param lsn as PostgreSQL prints it, {@code X/Y} in hexadecimal: the byte offset into the WAL it names */
    static long bytes(String lsn) {
        String[] halves = lsn.strip().split("/");
        if (halves.length != 2) {
            throw new IllegalArgumentException("not an LSN: " + lsn);
        }
        return (Long.parseUnsignedLong(halves[0], 16) << 32) | Long.parseUnsignedLong(halves[1], 16);
    }

    /** @param position what {@link #fromLsn} gave, or an LSN as PostgreSQL prints it */
    static String toLsn(String position) {
        String text = position.strip();
        if (text.contains("/")) {
            return text;
        }
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL position: " + position);
        }
        long bytes = Long.parseUnsignedLong(text.substring(PREFIX.length()));
        return Long.toHexString(bytes >>> 32).toUpperCase() + "/" + Long.toHexString(bytes & 0xFFFFFFFFL).toUpperCase();
    }
}

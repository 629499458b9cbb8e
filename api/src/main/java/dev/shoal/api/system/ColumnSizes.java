package dev.shoal.api.system;

/**
 * The sizes of the {@code varchar} columns that free-text request strings are stored in (see db-migrations),
 * declared once for every check of every path that writes them, so that an over-long value is a 400 naming its
 * field, never a database error nor a value cut short. {@code ColumnLengthIT} holds them against the schema.
 * Strings with rules of their own (MySQL's limits on database and user names, CIDRs, ids, regions) are checked
 * by those rules, which are never looser than their columns.
 */
public final class ColumnSizes {

    /** {@code name} of instances, clusters, configurations, backups, tenants and auth_tokens. */
    public static final int NAME = 255;
    /** {@code description} of configurations and backups. */
    public static final int DESCRIPTION = 1024;
    /** {@code configuration_values.value}. */
    public static final int CONFIGURATION_VALUE = 1024;
    /** {@code idempotency_keys.idempotency_key}: the {@code Idempotency-Key} header's value. */
    public static final int IDEMPOTENCY_KEY = 255;

    private ColumnSizes() {
    }
}

package dev.shoal.datastores.postgresql.guest;

import java.util.List;

/**
 * One setting as the running server describes it in {@code pg_settings}: the catalog's parameter metadata, read from
 * the version itself rather than written down by hand. Values are in the setting's base unit, as {@code setting}
 * shows them.
 *
 * @param type            {@code integer}, {@code boolean} or {@code string} (PostgreSQL's reals and enums are
 *                        strings, enums with their allowed values)
 * @param restartRequired the server reads it only at start ({@code context = 'postmaster'})
 */
record PostgresqlParameter(String name, String type, Long min, Long max, List<String> allowedValues,
                           boolean restartRequired, String unit, String description) {

    /** A {@code pg_settings} row's {@code vartype}, {@code min_val}, {@code max_val}, {@code enumvals}, context. */
    static PostgresqlParameter of(String name, String vartype, String minVal, String maxVal, List<String> enumvals,
                                  String context, String unit, String description) {
        String type = switch (vartype) {
            case "bool" -> "boolean";
            case "integer" -> "integer";
            default -> "string";
        };
        boolean integer = type.equals("integer");
        return new PostgresqlParameter(name, type, integer ? Long.valueOf(minVal) : null,
                integer ? Long.valueOf(maxVal) : null, enumvals == null ? List.of() : List.copyOf(enumvals),
                context.equals("postmaster"), unit, description);
    }
}

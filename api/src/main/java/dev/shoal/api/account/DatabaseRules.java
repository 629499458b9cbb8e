package dev.shoal.api.account;

import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.contracts.guest.DatabaseSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MySQL's rules for a tenant's database, as Trove's MySQL guest holds them: at most 64 characters (the server's
 * identifier limit) of letters, digits, {@code _} and {@code -}, and none of the server's own schemas. Pure, so
 * a request is judged whole before anything is written.
 */
final class DatabaseRules {

    static final int MAX_NAME = 64;
    static final String DEFAULT_CHARACTER_SET = "utf8mb4";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern COLLATION = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Set<String> RESERVED = Set.of("mysql", "information_schema", "performance_schema", "sys",
            "lost+found");
    /** The character sets offered, each with the collation the server gives it by default. */
    private static final Map<String, String> CHARACTER_SETS = Map.ofEntries(
            Map.entry("utf8mb4", "utf8mb4_general_ci"), Map.entry("utf8mb3", "utf8mb3_general_ci"),
            Map.entry("utf8", "utf8_general_ci"), Map.entry("latin1", "latin1_swedish_ci"),
            Map.entry("latin2", "latin2_general_ci"), Map.entry("ascii", "ascii_general_ci"),
            Map.entry("binary", "binary"), Map.entry("ucs2", "ucs2_general_ci"),
            Map.entry("utf16", "utf16_general_ci"), Map.entry("utf32", "utf32_general_ci"),
            Map.entry("cp1250", "cp1250_general_ci"), Map.entry("cp1251", "cp1251_general_ci"),
            Map.entry("greek", "greek_general_ci"), Map.entry("hebrew", "hebrew_general_ci"),
            Map.entry("gbk", "gbk_chinese_ci"), Map.entry("big5", "big5_chinese_ci"),
            Map.entry("sjis", "sjis_japanese_ci"), Map.entry("euckr", "euckr_korean_ci"));

    private DatabaseRules() {
    }

    /** Malformed names (400): missing, too long, characters MySQL would need quoting or a file name for. */
    static void name(String field, String name, List<FieldProblem> invalid) {
        if (name == null || name.isEmpty()) {
            invalid.add(new FieldProblem(field, "is required"));
        } else if (name.length() > MAX_NAME) {
            invalid.add(new FieldProblem(field, "is longer than " + MAX_NAME + " characters"));
        } else if (!NAME.matcher(name).matches()) {
            invalid.add(new FieldProblem(field, "may hold only letters, digits, _ and -"));
        }
    }

    /** Well-formed but the server's own (422): tenants never get or drop these. */
    static void notReserved(String field, String name, List<FieldProblem> reserved) {
        if (name != null && RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            reserved.add(new FieldProblem(field, name + " is reserved for the server"));
        }
    }

    /**
     * The database as the guest creates it: a collation alone names its character set (its prefix), a character
     * set alone takes its default collation, neither gives utf8mb4. Problems are added, and null returned.
     */
    static DatabaseSchema schema(String field, String name, String characterSet, String collate,
                                 List<FieldProblem> invalid) {
        String charset = characterSet != null ? characterSet.toLowerCase(Locale.ROOT)
                : collate != null ? collate.toLowerCase(Locale.ROOT).split("_", 2)[0] : DEFAULT_CHARACTER_SET;
        if (!CHARACTER_SETS.containsKey(charset)) {
            invalid.add(new FieldProblem(field + (characterSet != null ? ".character_set" : ".collate"),
                    "unknown character set " + charset + "; one of " + new java.util.TreeSet<>(CHARACTER_SETS.keySet())));
            return null;
        }
        if (collate == null) {
            return new DatabaseSchema(name, charset, CHARACTER_SETS.get(charset));
        }
        String collation = collate.toLowerCase(Locale.ROOT);
        if (!COLLATION.matcher(collation).matches()
                || !(collation.equals(charset) || collation.startsWith(charset + "_"))) {
            invalid.add(new FieldProblem(field + ".collate", "is not a collation of character set " + charset));
            return null;
        }
        return new DatabaseSchema(name, charset, collation);
    }
}

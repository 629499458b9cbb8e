package dev.shoal.api.account;

import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.contracts.guest.DatabaseSchema;
import dev.shoal.datastore.Naming;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules for a tenant's database, as Trove's guest holds them: no longer than the datastore allows, of letters,
 * digits, {@code _} and {@code -}, none of the names the datastore keeps for itself, in a character set it offers.
 * Pure, so a request is judged whole before anything is written.
 */
final class DatabaseRules {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern COLLATION = Pattern.compile("[a-z0-9_]{1,64}");

    private final Naming naming;

    DatabaseRules(Naming naming) {
        this.naming = naming;
    }

    /** Malformed names (400): missing, too long, characters MySQL would need quoting or a file name for. */
    void name(String field, String name, List<FieldProblem> invalid) {
        if (name == null || name.isEmpty()) {
            invalid.add(new FieldProblem(field, "is required"));
        } else if (name.length() > naming.maxDatabaseName()) {
            invalid.add(new FieldProblem(field, "is longer than " + naming.maxDatabaseName() + " characters"));
        } else if (!NAME.matcher(name).matches()) {
            invalid.add(new FieldProblem(field, "may hold only letters, digits, _ and -"));
        }
    }

    /** Well-formed but the server's own (422): tenants never get or drop these. */
    void notReserved(String field, String name, List<FieldProblem> reserved) {
        if (name != null && naming.reservedDatabases().contains(name.toLowerCase(Locale.ROOT))) {
            reserved.add(new FieldProblem(field, name + " is reserved for the server"));
        }
    }

    /**
     * The database as the guest creates it: a collation alone names its character set (its prefix), a character
     * set alone takes its default collation, neither gives utf8mb4. Problems are added, and null returned.
     */
    DatabaseSchema schema(String field, String name, String characterSet, String collate,
                          List<FieldProblem> invalid) {
        Map<String, String> characterSets = naming.characterSets();
        String charset = characterSet != null ? characterSet.toLowerCase(Locale.ROOT)
                : collate != null ? collate.toLowerCase(Locale.ROOT).split("_", 2)[0] : naming.defaultCharacterSet();
        if (!characterSets.containsKey(charset)) {
            invalid.add(new FieldProblem(field + (characterSet != null ? ".character_set" : ".collate"),
                    "unknown character set " + charset + "; one of " + new java.util.TreeSet<>(characterSets.keySet())));
            return null;
        }
        if (collate == null) {
            return new DatabaseSchema(name, charset, characterSets.get(charset));
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

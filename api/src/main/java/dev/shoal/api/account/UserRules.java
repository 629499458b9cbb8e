package dev.shoal.api.account;

import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.datastore.Naming;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for a tenant's account {@code 'name'@'host'}: a name no longer than the datastore allows (MySQL's 32; MariaDB
 * allows more, but an instance may move) of letters, digits, {@code _} and {@code -}, so that Trove's clients can put
 * it in a path unencoded; a host pattern of at most 60; none of the accounts Shoal and the server keep for themselves;
 * a password that a client can type and the server can store.
 */
final class UserRules {

    static final int MAX_HOST = 60;
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;
    static final String ANY_HOST = "%";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.%_:-]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Naming naming;

    UserRules(Naming naming) {
        this.naming = naming;
    }

    void name(String field, String name, List<FieldProblem> invalid) {
        if (name == null || name.isEmpty()) {
            invalid.add(new FieldProblem(field, "is required"));
        } else if (name.length() > naming.maxUserName()) {
            invalid.add(new FieldProblem(field, "is longer than " + naming.maxUserName() + " characters"));
        } else if (!NAME.matcher(name).matches()) {
            invalid.add(new FieldProblem(field, "may hold only letters, digits, _ and -"));
        }
    }

    void notReserved(String field, String name, List<FieldProblem> reserved) {
        if (name != null && naming.reservedUsers().contains(name.toLowerCase(Locale.ROOT))) {
            reserved.add(new FieldProblem(field, name + " is reserved"));
        }
    }

    /** The host pattern, {@code %} (any host) when none is given. */
    static String host(String field, String host, List<FieldProblem> invalid) {
        if (host == null) {
            return ANY_HOST;
        }
        if (host.isEmpty() || host.length() > MAX_HOST) {
            invalid.add(new FieldProblem(field, "must be 1 to " + MAX_HOST + " characters"));
        } else if (!HOST.matcher(host).matches()) {
            invalid.add(new FieldProblem(field, "may hold only letters, digits, ., %, _, : and -"));
        }
        return host;
    }

    static void password(String field, String password, List<FieldProblem> invalid) {
        if (password == null || password.isBlank()) {
            invalid.add(new FieldProblem(field, "is required"));
        } else if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            invalid.add(new FieldProblem(field, "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters"));
        } else if (CONTROL.matcher(password).find()) {
            invalid.add(new FieldProblem(field, "may not hold control characters"));
        }
    }
}

package dev.shoal.datastores.postgresql.guest;

import dev.shoal.datastores.postgresql.PostgresqlDatastore;
import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's rules for the databases and roles tenants name: identifiers of at most 63 bytes (the server would cut
 * longer ones short, so two names could meet), no NUL, and none the server or the guest keeps for itself.
 */
final class PostgresqlNames {

    private PostgresqlNames() {
    }

    static String database(String name) {
        identifier("database", name);
        if (PostgresqlDatastore.RESERVED_DATABASES.contains(name)) {
            throw new IllegalArgumentException("database " + name + " is PostgreSQL's own");
        }
        return name;
    }

    static String user(String name) {
        identifier("user", name);
        if (PostgresqlDatastore.RESERVED_USERS.contains(name)) {
            throw new IllegalArgumentException("user " + name + " is kept by PostgreSQL or Shoal");
        }
        if (name.startsWith(PostgresqlDatastore.RESERVED_ROLE_PREFIX)) {
            throw new IllegalArgumentException("user " + name + ": PostgreSQL keeps roles beginning "
                    + PostgresqlDatastore.RESERVED_ROLE_PREFIX + " for itself");
        }
        return name;
    }

    /** PostgreSQL's roles are not bound to a host: only MySQL's any-host {@code %} (or none) is taken. */
    static void anyHost(String user, String host) {
        if (host != null && !host.isEmpty() && !host.equals("%")) {
            throw new IllegalArgumentException("user " + user + ": PostgreSQL roles log in from any host, so the host"
                    + " must be % or left out, not " + host);
        }
    }

    private static void identifier(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a " + what + " name is needed");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " names may not hold NUL");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > PostgresqlDatastore.MAX_IDENTIFIER_BYTES) {
            throw new IllegalArgumentException(what + " name " + name + " is " + bytes + " bytes long; PostgreSQL"
                    + " takes " + PostgresqlDatastore.MAX_IDENTIFIER_BYTES + " at most");
        }
    }
}

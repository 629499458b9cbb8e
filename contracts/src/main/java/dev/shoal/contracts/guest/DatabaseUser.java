package dev.shoal.contracts.guest;

import java.util.List;

/** One account to create, its password sealed with the node's secret, and the databases it may use. */
public record DatabaseUser(String name, String host, String sealedPassword, List<String> databases) {

    public DatabaseUser {
        databases = List.copyOf(databases);
    }

    @Override
    public String toString() {
        return "DatabaseUser[" + name + "@" + host + ", databases=" + databases + "]";
    }
}

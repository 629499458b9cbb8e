package dev.shoal.contracts.guest;

import java.util.List;

/**
 * An account and databases: what {@code grant_access} grants, {@code revoke_access} revokes; {@code delete_user}
 * needs only the account.
 */
public record UserAccess(String name, String host, List<String> databases) {

    public UserAccess {
        databases = databases == null ? List.of() : List.copyOf(databases);
    }
}

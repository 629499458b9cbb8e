package dev.shoal.api.system;

import dev.shoal.contracts.Role;
import java.util.Locale;

/** A node's role as the api shows it: in lower case, as Trove shows its words. */
public final class RoleNames {

    private RoleNames() {
    }

    /** @return the role's name, or null for a node that has none yet */
    public static String shown(Role role) {
        return role == null ? null : role.name().toLowerCase(Locale.ROOT);
    }
}

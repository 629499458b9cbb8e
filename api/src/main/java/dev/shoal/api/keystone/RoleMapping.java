package dev.shoal.api.keystone;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keystone roles to the one Shoal role they give: the strongest of those mapped. Role names compare without case,
 * as Keystone's own do.
 */
final class RoleMapping {

    private final Map<String, ShoalRole> roles;

    RoleMapping(Map<String, ShoalRole> roles) {
        this.roles = roles.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }

    Optional<ShoalRole> strongest(Collection<String> keystoneRoles) {
        return keystoneRoles.stream().map(name -> roles.get(name.toLowerCase(Locale.ROOT)))
                .filter(role -> role != null).min(Enum::compareTo);
    }
}

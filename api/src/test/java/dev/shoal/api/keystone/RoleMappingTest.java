package dev.shoal.api.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleMappingTest {

    private static final RoleMapping DEFAULTS = new RoleMapping(new KeystoneProperties("http://k", null, null,
            "service", "Default", "Default", java.time.Duration.ofSeconds(300), true, null,
            java.time.Duration.ofSeconds(10)).roleMap());

    @Test
    void mapsKeystonesDefaultRoles() {
        assertThat(DEFAULTS.strongest(List.of("admin"))).contains(ShoalRole.OPERATOR);
        assertThat(DEFAULTS.strongest(List.of("member"))).contains(ShoalRole.TENANT);
        assertThat(DEFAULTS.strongest(List.of("reader"))).contains(ShoalRole.READER);
    }

    @Test
    void givesTheStrongestOfSeveralRoles() {
        // Keystone's implied roles: an admin's token lists member and reader too
        assertThat(DEFAULTS.strongest(List.of("reader", "member", "admin"))).contains(ShoalRole.OPERATOR);
        assertThat(DEFAULTS.strongest(List.of("reader", "member"))).contains(ShoalRole.TENANT);
    }

    @Test
    void givesNothingForRolesItDoesNotMap() {
        assertThat(DEFAULTS.strongest(List.of("service", "heat_stack_owner"))).isEmpty();
        assertThat(DEFAULTS.strongest(List.of())).isEmpty();
    }

    @Test
    void followsAConfiguredMapWithoutRegardToCase() {
        RoleMapping custom = new RoleMapping(Map.of("DBA", ShoalRole.OPERATOR, "auditor", ShoalRole.READER));

        assertThat(custom.strongest(List.of("dba"))).contains(ShoalRole.OPERATOR);
        assertThat(custom.strongest(List.of("Auditor"))).contains(ShoalRole.READER);
        assertThat(custom.strongest(List.of("admin"))).as("a configured map replaces the defaults").isEmpty();
    }
}

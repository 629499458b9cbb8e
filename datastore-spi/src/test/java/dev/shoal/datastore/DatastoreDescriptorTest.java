package dev.shoal.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.Role;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatastoreDescriptorTest {

    @Test
    void everyDatastoreHasMembersAndSaysWhatItCan() {
        DatastoreDescriptor ring = new DatastoreDescriptor("ring", "Ring", 7000, Set.of("member", "arbiter"),
                Set.of(Role.MEMBER), Composition.FREE, Naming.NONE, Set.of(Ability.CLUSTERS));

        assertThat(ring.hasNodeType("arbiter")).isTrue();
        assertThat(ring.hasNodeType("witness")).isFalse();
        assertThat(ring.can(Ability.CLUSTERS)).isTrue();
        assertThat(ring.can(Ability.BACKUPS)).isFalse();
        assertThatThrownBy(() -> new DatastoreDescriptor("odd", "Odd", 1, Set.of("arbiter"), Set.of(),
                Composition.FREE, Naming.NONE, Set.of())).hasMessageContaining("members");
    }

    @Test
    void aDefaultCharacterSetIsOneOffered() {
        assertThatThrownBy(() -> new Naming(64, 32, Set.of(), Set.of(), Map.of("latin1", "latin1_swedish_ci"),
                "utf8mb4")).hasMessageContaining("utf8mb4");
    }

    @Test
    void aDatastoreThatIsNotInstalledIsNamedWithThoseThatAre() {
        assertThat(Datastores.find("nosuch")).isEmpty();
        assertThat(Datastores.find(null)).isEmpty();
        assertThatThrownBy(() -> Datastores.named("nosuch")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no datastore named 'nosuch' is installed; installed: [");
    }
}

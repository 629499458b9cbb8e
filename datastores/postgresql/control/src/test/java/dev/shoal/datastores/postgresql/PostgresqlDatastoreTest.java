package dev.shoal.datastores.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.datastore.Ability;
import dev.shoal.datastore.Datastores;
import dev.shoal.datastore.control.ClusterPorts;
import dev.shoal.datastore.control.PrimaryReplicaClusterStrategy;
import org.junit.jupiter.api.Test;

class PostgresqlDatastoreTest {

    @Test
    void isFoundByItsNameWithItsClientPortAndAbilities() {
        var descriptor = Datastores.descriptor(PostgresqlDatastore.NAME);

        assertThat(descriptor.clientPort()).isEqualTo(5432);
        assertThat(descriptor.can(Ability.ACCOUNTS)).isTrue();
        assertThat(descriptor.can(Ability.CONFIGURATION)).isTrue();
        assertThat(descriptor.can(Ability.REPLICATION)).isTrue();
        assertThat(descriptor.can(Ability.CLUSTERS)).isTrue();
        assertThat(descriptor.can(Ability.BACKUPS)).isTrue();
        assertThat(descriptor.can(Ability.RESIZE)).isTrue();
        assertThat(descriptor.can(Ability.DISCARDS_FORKED_HISTORY)).isTrue();
    }

    @Test
    void formsClustersOfAPrimaryAndStandbysWhosePrimaryStaysWhileItHasStandbys() {
        var datastore = new PostgresqlDatastore();

        assertThat(datastore.descriptor().composition().keepsMaster()).isTrue();
        assertThat(datastore.clusterStrategy(new ClusterPorts(null, null, null)))
                .containsInstanceOf(PrimaryReplicaClusterStrategy.class);
    }

    @Test
    void keepsTheServersOwnDatabasesAndRolesFromTenants() {
        var naming = new PostgresqlDatastore().descriptor().naming();

        assertThat(naming.reservedDatabases()).contains("postgres", "template0", "template1");
        assertThat(naming.reservedUsers()).contains("root", "postgres", "os_admin");
        assertThat(naming.maxDatabaseName()).isEqualTo(63);
        assertThat(naming.characterSets()).containsKey(naming.defaultCharacterSet());
    }
}

package dev.shoal.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.datastore.Ability;
import dev.shoal.datastore.Datastore;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.datastore.Datastores;
import org.junit.jupiter.api.Test;

/** The api finds every datastore of the catalog through the SPI, each described by its own folder. */
class InstalledDatastoresTest {

    /** A datastore added later is found too, without this test naming it. */
    @Test
    void theApiFindsEveryDatastoreOfTheCatalog() {
        assertThat(Datastores.all()).extracting(datastore -> datastore.descriptor().name())
                .contains("mysql", "cassandra", "mongodb").doesNotHaveDuplicates();
        assertThat(Datastores.named("mysql").descriptor().clientPort()).isEqualTo(3306);
        assertThat(Datastores.named("cassandra").descriptor().clientPort()).isEqualTo(9042);
        assertThat(Datastores.named("mongodb").descriptor().clientPort()).isEqualTo(27017);
    }

    @Test
    void eachDatastoreTellsItsOwnAbilities() {
        assertThat(Datastores.all()).filteredOn(datastore -> datastore.descriptor().can(Ability.REPLICATION))
                .extracting(datastore -> datastore.descriptor().name()).contains("mysql")
                .doesNotContain("cassandra", "mongodb");
        assertThat(Datastores.all()).filteredOn(datastore -> datastore.descriptor().can(Ability.ACCOUNTS))
                .extracting(datastore -> datastore.descriptor().naming().reservedUsers().contains("os_admin"))
                .isNotEmpty().containsOnly(true);
        assertThat(Datastores.all())
                .filteredOn(datastore -> datastore.descriptor().hasNodeType(DatastoreDescriptor.ARBITER))
                .extracting(datastore -> datastore.descriptor().name()).containsExactly("mongodb");
    }

    @Test
    void aClustersSettingsAreDerivedFromItsIdAlike() {
        Datastore cassandra = Datastores.named("cassandra");

        assertThat(cassandra.clusterSettings("c1")).containsEntry("cluster_name", "shoal-c1")
                .containsEntry("num_tokens", "16").containsEntry("endpoint_snitch", "GossipingPropertyFileSnitch");
        assertThat(Datastores.named("mysql").clusterSettings("c1")).containsEntry("log_bin", "true");
    }
}

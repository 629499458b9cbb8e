package dev.shoal.datastores.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MongoDatastoreTest {

    @Test
    void everyMemberDerivesTheSameReplicaSetNameFromTheClusterId() {
        String cluster = "3f2b9c1e-0a4d-4e5f-8a9b-0c1d2e3f4a5b";

        assertThat(MongoDatastore.replicaSetName(cluster)).isEqualTo("rs-3f2b9c1e");
        assertThat(new MongoDatastore().clusterSettings(cluster)).containsExactlyEntriesOf(
                java.util.Map.of("replSet", "rs-3f2b9c1e"));
        assertThatThrownBy(() -> MongoDatastore.replicaSetName("!?")).hasMessageContaining("!?");
    }

    @Test
    void aReplicaSetKeepsADataMemberAndAtMostSevenVotersOfWhichOneArbiter() {
        var composition = new MongoDatastore().descriptor().composition();

        assertThat(composition.keepsDataMember()).isTrue();
        assertThat(composition.maxVoters()).isEqualTo(7);
        assertThat(composition.maxArbiters()).isEqualTo(1);
    }
}

package dev.shoal.datastores.mongodb.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ClusterMembers;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.GuestDatastores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the manager decides before it ever reaches a mongod. */
class MongoManagerTest {

    @TempDir
    Path nodeDir;

    @Test
    void isTheManagerOfMongodbNodes() {
        assertThat(GuestDatastores.forConfig(config(Map.of("datastore.manager", "mongodb"))))
                .isInstanceOf(MongoManager.class);
    }

    @Test
    void refusesAPrepareWithoutItsClusterOrForAnotherDatastore() {
        MongoManager manager = new MongoManager(config(Map.of()));

        assertThatThrownBy(() -> manager.prepare(new Prepare("mongodb", "7.0", 1024, 1, null)))
                .hasMessageContaining("prepare needs the node's cluster");
        assertThatThrownBy(() -> manager.prepare(new Prepare("mysql", "10.11", 1024, 1, null, member())))
                .hasMessageContaining("not mysql");
    }

    @Test
    void aPrepareWithoutAMongodFailsAndSaysWhichSettingToFix() {
        MongoManager manager = new MongoManager(config(Map.of("mongodb.mongod",
                nodeDir.resolve("no-such-mongod").toString())));

        assertThatThrownBy(() -> manager.prepare(new Prepare("mongodb", "7.0", 1024, 3, null, member())))
                .hasMessageContaining("mongodb.mongod");
        assertThat(manager.status()).isEqualTo(ServiceStatus.FAILED);
        assertThat(manager.statusDescription()).contains("no-such-mongod");
        assertThat(manager.volumeTotalBytes()).isEqualTo(3L * 1024 * 1024 * 1024);
        assertThat(nodeDir.resolve("mongod.conf")).content().contains("replSetName: \"rs-3f2a9c1e\"");
    }

    @Test
    void changesNoMembershipBeforePrepare() {
        MongoManager manager = new MongoManager(config(Map.of()));

        assertThatThrownBy(() -> manager.addMembers(new ClusterMembers(List.of())))
                .hasMessageContaining("is not prepared");
    }

    @Test
    void hasNoRootToEnableWithoutAccessControl() {
        assertThatThrownBy(() -> new MongoManager(config(Map.of())).enableRoot("pw"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("without access control");
    }

    private static ClusterMember member() {
        return new ClusterMember("3f2a9c1e-77aa-4b8e-9d5c-0a1b2c3d4e5f", ClusterMember.TYPE_MEMBER, "r1", null,
                null);
    }

    private GuestConfig config(Map<String, String> settings) {
        return new GuestConfig("n1", NodeSecret.generate(), "127.0.6.1", nodeDir, "amqp://unused",
                Duration.ofSeconds(1), settings);
    }
}

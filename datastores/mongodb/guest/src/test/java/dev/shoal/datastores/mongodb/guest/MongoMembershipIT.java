package dev.shoal.datastores.mongodb.guest;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.Clustered;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.Membership;
import dev.shoal.guest.spi.test.MembershipContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The membership contract on a real replica set whose primary adds and removes members, with a mongod given by
 * {@code -Dshoal.mongod} or {@code SHOAL_MONGOD}; skipped where there is none.
 */
@EnabledIf("mongodConfigured")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoMembershipIT implements MembershipContract {

    private static final String PRIMARY = "127.0.6.11";

    @TempDir
    static Path work;

    private final String clusterId = UUID.randomUUID().toString();
    private final List<MongoManager> managers = new ArrayList<>();
    private MongoManager primary;

    static boolean mongodConfigured() {
        return ConfiguredMongod.path().isPresent();
    }

    @BeforeAll
    void prepareThePrimary() throws Exception {
        primary = prepared(PRIMARY);
    }

    @AfterAll
    void stopEveryServer() throws Exception {
        for (MongoManager manager : managers) {
            manager.stop();
        }
    }

    @Override
    public Membership changer() {
        return primary;
    }

    @Override
    public Clustered changersView() {
        return primary;
    }

    @Override
    public String newNodeAddress() throws Exception {
        String address = "127.0.6." + (12 + managers.size() - 1);
        prepared(address);
        return address;
    }

    private MongoManager prepared(String address) throws Exception {
        MongoManager manager = new MongoManager(new GuestConfig("node-" + address, NodeSecret.generate(), address,
                work.resolve(address), "amqp://unused", Duration.ofSeconds(1),
                Map.of("mongodb.mongod", ConfiguredMongod.path().orElseThrow())));
        managers.add(manager);
        manager.prepare(new Prepare("mongodb", "7.0", 1024, 1, null,
                new ClusterMember(clusterId, ClusterMember.TYPE_MEMBER, "r1", List.of(), null)));
        return manager;
    }
}

package dev.shoal.datastores.mongodb.guest;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.Configurable;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.test.ConfigurableContract;
import dev.shoal.guest.spi.test.DatastoreLogsContract;
import dev.shoal.guest.spi.test.DatastoreManagerContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle and configuration contracts every datastore passes, on one real mongod given by
 * {@code -Dshoal.mongod} or {@code SHOAL_MONGOD}; skipped where there is none.
 */
@EnabledIf("mongodConfigured")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoContractsIT implements DatastoreManagerContract, ConfigurableContract,
        DatastoreLogsContract {

    private static final String ADDRESS = "127.0.6.9";

    @TempDir
    static Path nodeDir;

    private final Prepare prepare = new Prepare("mongodb", "7.0", 1024, 1, null,
            new ClusterMember(UUID.randomUUID().toString(), ClusterMember.TYPE_MEMBER, "r1", List.of(), null));
    private MongoManager manager;

    static boolean mongodConfigured() {
        return ConfiguredMongod.path().isPresent();
    }

    @BeforeAll
    void prepareTheNode() throws Exception {
        manager = new MongoManager(config());
        manager.prepare(prepare);
    }

    @AfterAll
    void stopTheServer() throws Exception {
        if (manager != null) {
            manager.stop();
        }
    }

    @Override
    public DatastoreManager preparedManager() {
        return manager;
    }

    @Override
    public Prepare prepareRequest() {
        return prepare;
    }

    @Override
    public DatastoreManager restartedAgentsManager() {
        return new MongoManager(config());
    }

    @Override
    public Configurable configurable() {
        return manager;
    }

    @Override
    public String liveParameter() {
        return "cursorTimeoutMillis";
    }

    @Override
    public String liveValue() {
        return "45000";
    }

    private GuestConfig config() {
        return new GuestConfig("contracts-it", NodeSecret.generate(), ADDRESS, nodeDir, "amqp://unused",
                Duration.ofSeconds(1),
                Map.of("datastore.manager", "mongodb", "mongodb.mongod", ConfiguredMongod.path().orElseThrow()));
    }
}

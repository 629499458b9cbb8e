package dev.shoal.datastores.mysql.guest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.Configurable;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.Resizable;
import dev.shoal.guest.spi.test.ConfigurableContract;
import dev.shoal.guest.spi.test.DatastoreLogsContract;
import dev.shoal.guest.spi.test.DatastoreManagerContract;
import dev.shoal.guest.spi.test.ResizableContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration group on a real MariaDB: from the first start, live, after a restart, and taken away; then the
 * lifecycle, configuration and resizing contracts, on the same server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MysqlOverridesIT implements DatastoreManagerContract, ConfigurableContract, ResizableContract,
        DatastoreLogsContract {

    private static final String ADDRESS = "127.0.1.244";
    private static final List<String> MANAGED = List.of("max_connections", "wait_timeout", "performance_schema");

    @TempDir
    static Path nodeDir;

    private final NodeSecret secret = NodeSecret.generate();
    private final String nodeId = UUID.randomUUID().toString();
    private final Prepare prepare = new Prepare("mysql", "10.11", 512, 1, SecretBox.seal(secret, "pw"), null,
            Map.of("max_connections", "77"));
    private MysqlManager manager;

    @BeforeAll
    void prepareTheNode() throws Exception {
        manager = new MysqlManager(config());
        manager.prepare(prepare);
    }

    @AfterAll
    void stop() throws Exception {
        manager.stop();
    }

    @Override
    public DatastoreManager preparedManager() {
        return manager;
    }

    @Override
    public Prepare prepareRequest() {
        return prepare;
    }

    /** Every statement of this session is slow enough for the slow query log. */
    @Override
    public void writeToUserLog(String name) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + ADDRESS + ":3306/", "root", "pw");
             Statement sql = connection.createStatement()) {
            sql.execute("set session long_query_time = 0");
            sql.executeQuery("select 'written to the " + name + " log'").close();
        }
    }

    @Override
    public DatastoreManager restartedAgentsManager() {
        return new MysqlManager(config());
    }

    @Override
    public Resizable resizable() {
        return manager;
    }

    @Override
    public int preparedMemoryMb() {
        return prepare.memoryMb();
    }

    @Override
    public Configurable configurable() {
        return manager;
    }

    @Override
    public String liveParameter() {
        return "max_connections";
    }

    @Override
    public String liveValue() {
        return "123";
    }

    @Test
    @Order(1)
    void valuesHoldFromTheFirstStartApplyLiveAndWaitForARestartWhereTheServerNeedsOne() throws Exception {
        assertThat(variable("max_connections")).isEqualTo("77");

        AppliedConfiguration applied = manager.applyOverrides(new ConfigurationOverrides(
                Map.of("max_connections", "123", "wait_timeout", "600", "performance_schema", "true"), MANAGED));
        assertThat(variable("max_connections")).isEqualTo("123");
        assertThat(variable("wait_timeout")).isEqualTo("600");
        assertThat(applied.restartRequired()).containsExactly("performance_schema");
        assertThat(applied.running()).containsEntry("max_connections", "123").containsEntry("performance_schema", "OFF");

        manager.restart();
        assertThat(variable("performance_schema")).isEqualTo("ON");
        assertThat(variable("max_connections")).as("kept in the configuration file").isEqualTo("123");
        assertThat(manager.applyOverrides(new ConfigurationOverrides(Map.of("max_connections", "123",
                "wait_timeout", "600", "performance_schema", "true"), MANAGED)).restartRequired()).isEmpty();

        AppliedConfiguration detached = manager.applyOverrides(new ConfigurationOverrides(Map.of(), MANAGED));
        assertThat(variable("max_connections")).as("back to the server's own").isEqualTo("151");
        assertThat(detached.running()).containsEntry("wait_timeout", "28800");
    }

    private GuestConfig config() {
        return new GuestConfig(nodeId, secret, ADDRESS, nodeDir, "amqp://unused", Duration.ofSeconds(1), Map.of("datastore.manager", "mysql"));
    }

    private String variable(String name) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + ADDRESS + ":3306/", "root", "pw");
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("show global variables like '" + name + "'")) {
            row.next();
            return row.getString(2);
        }
    }
}

package dev.shoal.datastores.mysql.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.DatabaseSchema;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.Accounts;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.test.AccountsContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant's databases and accounts on a real MariaDB, each change safe to send twice; then the accounts contract
 * every datastore with accounts passes, on the same server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MysqlSchemasIT implements AccountsContract {

    private static final String ADDRESS = "127.0.60.250";
    private static final String URL = "jdbc:mariadb://" + ADDRESS + ":3306/";

    @TempDir
    static Path nodeDir;

    private final NodeSecret secret = NodeSecret.generate();
    private MysqlManager manager;

    @BeforeAll
    void prepareTheNode() throws Exception {
        manager = new MysqlManager(new GuestConfig(UUID.randomUUID().toString(), secret, ADDRESS, nodeDir,
                "amqp://unused", Duration.ofSeconds(1)));
        manager.prepare(new Prepare("mysql", "10.11", 512, 1, SecretBox.seal(secret, "root-pw"), null, Map.of()));
    }

    @AfterAll
    void stop() throws Exception {
        manager.stop();
    }

    @Override
    public Accounts accounts() {
        return manager;
    }

    @Override
    public DatabaseSchema database(String name) {
        return new DatabaseSchema(name, "utf8mb4", "utf8mb4_general_ci");
    }

    @Override
    public boolean reaches(String user, String password, String database) {
        try (Connection connection = DriverManager.getConnection(URL + database, user, password)) {
            return connection.isValid(5);
        } catch (SQLException refused) {
            return false;
        }
    }

    @Override
    public List<String> databases() throws SQLException {
        return rootQuery("show databases");
    }

    @Test
    void aUserWorksInTheDatabasesItWasGrantedOnlyAndLosesThemWithTheDatabase() throws Exception {
        DatabaseSchema orders = new DatabaseSchema("orders_2026", "utf8mb4", "utf8mb4_unicode_ci");
        manager.createDatabase(orders);
        manager.createDatabase(orders);
        manager.createDatabase(new DatabaseSchema("ordersX2026", "latin1", "latin1_swedish_ci"));
        manager.createUser("shop", "%", "it's-a-Pa55\\word", List.of("orders_2026"));
        manager.createUser("shop", "%", "it's-a-Pa55\\word", List.of("orders_2026"));

        try (Connection shop = DriverManager.getConnection(URL + "orders_2026", "shop", "it's-a-Pa55\\word");
             Statement sql = shop.createStatement()) {
            sql.execute("create table item (id int primary key)");
            sql.execute("insert into item values (1)");
        }
        assertThat(rootQuery("select default_collation_name from information_schema.schemata"
                + " where schema_name = 'orders_2026'")).containsExactly("utf8mb4_unicode_ci");
        assertThatThrownBy(() -> DriverManager.getConnection(URL + "ordersX2026", "shop", "it's-a-Pa55\\word"))
                .as("an underscore in a grant is no wildcard").isInstanceOf(SQLException.class);

        manager.revokeAccess("shop", "%", List.of("orders_2026"));
        manager.revokeAccess("shop", "%", List.of("orders_2026"));
        assertThatThrownBy(() -> DriverManager.getConnection(URL + "orders_2026", "shop", "it's-a-Pa55\\word"))
                .isInstanceOf(SQLException.class);
        manager.grantAccess("shop", "%", List.of("orders_2026"));
        DriverManager.getConnection(URL + "orders_2026", "shop", "it's-a-Pa55\\word").close();

        manager.deleteDatabase("orders_2026");
        manager.deleteDatabase("orders_2026");
        assertThat(rootQuery("show databases")).doesNotContain("orders_2026").contains("ordersX2026");
        manager.createDatabase(orders);
        assertThatThrownBy(() -> DriverManager.getConnection(URL + "orders_2026", "shop", "it's-a-Pa55\\word"))
                .as("a database made again is nobody's yet").isInstanceOf(SQLException.class);

        manager.deleteUser("shop", "%");
        manager.deleteUser("shop", "%");
        assertThatThrownBy(() -> DriverManager.getConnection(URL, "shop", "it's-a-Pa55\\word"))
                .isInstanceOf(SQLException.class);
    }

    private List<String> rootQuery(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(URL, "root", "root-pw");
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}

package dev.shoal.datastores.postgresql.guest;

import dev.shoal.contracts.guest.DatabaseSchema;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.Accounts;
import dev.shoal.guest.spi.Configurable;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.Resizable;
import dev.shoal.guest.spi.test.AccountsContract;
import dev.shoal.guest.spi.test.ConfigurableContract;
import dev.shoal.guest.spi.test.DatastoreManagerContract;
import dev.shoal.guest.spi.test.ResizableContract;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The contracts every datastore passes, on one real PostgreSQL 15 server, Debian's, run as {@code shoal-pg}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresqlContractsIT implements DatastoreManagerContract, AccountsContract, ConfigurableContract,
        ResizableContract {

    private static final String ADDRESS = "127.0.88.1";

    private PostgresqlTestNodes nodes;
    private PostgresqlManager manager;

    @BeforeAll
    void prepareTheNode() throws Exception {
        nodes = new PostgresqlTestNodes();
        manager = nodes.prepared(ADDRESS, PostgresqlTestNodes.INSTALLED);
    }

    @AfterAll
    void stopTheServer() throws Exception {
        try {
            if (manager != null) {
                manager.stop();
            }
        } finally {
            nodes.close();
        }
    }

    @Override
    public DatastoreManager preparedManager() {
        return manager;
    }

    @Override
    public Prepare prepareRequest() {
        return nodes.prepare(ADDRESS, PostgresqlTestNodes.INSTALLED);
    }

    @Override
    public DatastoreManager restartedAgentsManager() {
        try {
            return new PostgresqlManager(nodes.config(ADDRESS));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Accounts accounts() {
        return manager;
    }

    @Override
    public DatabaseSchema database(String name) {
        return new DatabaseSchema(name, null, null);
    }

    @Override
    public boolean reaches(String user, String password, String database) {
        try (Connection ignored = new PostgresqlAdmin(nodes.work().resolve(ADDRESS), ADDRESS)
                .connect(database, user, password)) {
            return true;
        } catch (SQLException refused) {
            return false;
        }
    }

    @Override
    public List<String> databases() throws Exception {
        return manager.databases();
    }

    @Override
    public Configurable configurable() {
        return manager;
    }

    @Override
    public String liveParameter() {
        return "log_min_duration_statement";
    }

    @Override
    public String liveValue() {
        return "250";
    }

    @Override
    public Resizable resizable() {
        return manager;
    }

    @Override
    public int preparedMemoryMb() {
        return prepareRequest().memoryMb();
    }
}

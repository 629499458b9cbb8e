package dev.shoal.datastores.postgresql.guest;

import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.contracts.guest.DatabaseSchema;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.datastores.postgresql.PostgresqlDatastore;
import dev.shoal.guest.spi.Accounts;
import dev.shoal.guest.spi.Configurable;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.PreparedDatastore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a real PostgreSQL server for one node: initdb, start, report, stop, as an unprivileged user when the agent
 * is root. The version a prepare asks for picks the binaries and is kept in the node directory, so a restarted agent
 * starts the same server again.
 */
public final class PostgresqlManager extends PreparedDatastore implements Accounts, Configurable {

    private static final Logger log = LoggerFactory.getLogger(PostgresqlManager.class);

    private final PostgresqlAdmin admin;
    private final PostgresqlAccounts accounts;
    private final PostgresqlOverrides overrides;
    private volatile PostgresqlServer server;

    public PostgresqlManager(GuestConfig config) {
        super(config, "PostgreSQL");
        this.admin = new PostgresqlAdmin(config.nodeDir(), config.address());
        this.accounts = new PostgresqlAccounts(admin);
        this.overrides = new PostgresqlOverrides(admin);
    }

    @Override
    public String name() {
        return PostgresqlDatastore.NAME;
    }

    @Override
    protected void validate(Prepare request) {
        PostgresqlBinaries.major(request.version());
    }

    @Override
    protected void install(Prepare request) throws Exception {
        PostgresqlBinaries binaries = binaries(request.version());
        PostgresqlServer server = server();
        if (!server.initialized()) {
            phases.time("initdb", () -> server.initdb(binaries));
        }
        Files.writeString(file("version"), request.version());
        server.configure(config.address(), request.memoryMb());
        phases.time("server start", () -> server.start(binaries));
        if (!request.overrides().isEmpty()) {
            overrides.apply(new ConfigurationOverrides(request.overrides(), List.copyOf(request.overrides().keySet())));
        }
        if (request.sealedRootPassword() != null) {
            accounts.enableRoot(SecretBox.open(config.secret(), request.sealedRootPassword()));
        }
    }

    @Override
    protected void startPrepared() throws Exception {
        server().start(binaries(Files.readString(file("version")).strip()));
    }

    @Override
    protected Optional<ProcessHandle> serverProcess() {
        try {
            return server().handle();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    @Override
    protected Path serverLog() {
        return file("postgres.log");
    }

    @Override
    protected Optional<String> unanswered() {
        try (Connection ignored = admin.connect()) {
            return Optional.empty();
        } catch (SQLException | IOException e) {
            return Optional.of("does not answer: " + e.getMessage());
        }
    }

    @Override
    protected void stopServer() throws Exception {
        server().stop();
    }

    @Override
    public void enableRoot(String password) throws SQLException, IOException {
        accounts.enableRoot(password);
        log.info("root enabled for node {}", config.nodeId());
    }

    @Override
    public synchronized AppliedConfiguration applyOverrides(ConfigurationOverrides requested) throws Exception {
        AppliedConfiguration applied = overrides.apply(requested);
        log.info("node {}: configuration applied{}", config.nodeId(), applied.restartRequired().isEmpty() ? ""
                : "; a restart applies " + applied.restartRequired());
        return applied;
    }

    @Override
    public void createDatabase(DatabaseSchema database) throws SQLException, IOException {
        accounts.createDatabase(database);
        log.info("node {}: database {} created", config.nodeId(), database.name());
    }

    @Override
    public void deleteDatabase(String name) throws SQLException, IOException {
        accounts.deleteDatabase(name);
        log.info("node {}: database {} deleted", config.nodeId(), name);
    }

    @Override
    public void createUser(String name, String host, String password, List<String> databases)
            throws SQLException, IOException {
        accounts.createUser(name, host, password, databases);
        log.info("node {}: user {} created with access to {}", config.nodeId(), name, databases);
    }

    @Override
    public void deleteUser(String name, String host) throws SQLException, IOException {
        accounts.deleteUser(name, host);
        log.info("node {}: user {} deleted", config.nodeId(), name);
    }

    @Override
    public void grantAccess(String name, String host, List<String> databases) throws SQLException, IOException {
        accounts.grantAccess(name, host, databases);
        log.info("node {}: user {} granted {}", config.nodeId(), name, databases);
    }

    @Override
    public void revokeAccess(String name, String host, List<String> databases) throws SQLException, IOException {
        accounts.revokeAccess(name, host, databases);
        log.info("node {}: user {} revoked {}", config.nodeId(), name, databases);
    }

    /** The databases the server holds, templates aside. */
    List<String> databases() throws SQLException, IOException {
        return accounts.databases();
    }

    /** The server's user is looked up (and made) on first need, not when the agent builds its managers. */
    private PostgresqlServer server() throws IOException, InterruptedException {
        PostgresqlServer current = server;
        if (current == null) {
            synchronized (this) {
                if (server == null) {
                    server = new PostgresqlServer(config.nodeDir(),
                            PostgresqlOsUser.forAgent(config.setting("postgresql.os-user")), admin);
                }
                current = server;
            }
        }
        return current;
    }

    private PostgresqlBinaries binaries(String version) throws IOException, InterruptedException {
        String major = PostgresqlBinaries.major(version);
        PostgresqlBinaries binaries = PostgresqlBinaries.locate(version,
                config.setting("postgresql." + major + ".bin").map(Path::of), PostgresqlBinaries.DEBIAN,
                new PostgresqlBundle(config.setting("postgresql.binaries-cache").map(Path::of)
                        .orElse(config.nodeDir().resolveSibling(".postgresql"))));
        log.info("PostgreSQL {} of node {}: {} ({})", major, config.nodeId(), binaries.bin(), binaries.origin());
        return binaries;
    }

}

package dev.shoal.testsupport.keystone;

import dev.shoal.testsupport.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Keystone (Debian's package) under uwsgi on a free loopback port, with a configuration, fernet keys and a
 * PostgreSQL database of its own, bootstrapped as {@code keystone-manage bootstrap} does for a new cloud: the admin
 * user, project and roles, region {@code RegionOne} and the identity endpoint.
 */
public final class KeystoneServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "keystone-admin-password";
    private static final String SHOAL_PASSWORD = "shoal-service-password";
    /** Every token's life, short so a suite sees tokens expire (and Shoal renew its own). */
    public static final java.time.Duration TOKEN_LIFE = java.time.Duration.ofSeconds(20);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    /** Keystone's, uwsgi's and keystone-manage's logs, kept after the suite (the rest goes with its directory). */
    private static final Path LOGS = Path.of("target", "keystone-suite").toAbsolutePath();

    private final Path home;
    private final int port;
    private final String database;
    private final String serverUrl;
    private Process uwsgi;

    private KeystoneServer(Path home, int port, String jdbcUrl) {
        this.home = home;
        this.port = port;
        this.database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        this.serverUrl = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1);
    }

    public static KeystoneServer start() {
        try {
            Path home = Files.createTempDirectory("shoal-keystone");
            Files.createDirectories(LOGS);
            KeystoneServer server = new KeystoneServer(home, freePort(), TestDatabase.fresh("shoal_keystone_test"));
            try {
                server.configureAndRun();
            } catch (RuntimeException | IOException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes Shoal's service user ({@code shoal}, role {@code service} in project {@code service}) and points the
     * Shoal under test at this Keystone with it.
     */
    public void serveShoal(KeystoneAdmin admin, DynamicPropertyRegistry registry) {
        admin.createRole("service");
        admin.createUser("shoal", SHOAL_PASSWORD, admin.createProject("service"), "service");
        registry.add("shoal.api.keystone.url", () -> url() + "/v3");
        registry.add("shoal.api.keystone.username", () -> "shoal");
        registry.add("shoal.api.keystone.password", () -> SHOAL_PASSWORD);
        registry.add("shoal.api.keystone.project", () -> "service");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void configureAndRun() throws IOException {
        URI jdbc = URI.create(serverUrl.substring("jdbc:".length()));
        String password = TestDatabase.password();
        String connection = "postgresql+psycopg2://" + TestDatabase.user() + (password.isEmpty() ? "" : ":" + password)
                + "@" + jdbc.getHost() + ":" + jdbc.getPort() + "/" + database;
        Files.writeString(config(), """
                [DEFAULT]
                log_file = %4$s/keystone.log
                [database]
                connection = %2$s
                [token]
                provider = fernet
                expiration = %3$d
                [fernet_tokens]
                key_repository = %1$s/fernet-keys
                [fernet_receipts]
                key_repository = %1$s/fernet-keys
                [credential]
                key_repository = %1$s/credential-keys
                [cache]
                enabled = false
                """.formatted(home, connection, TOKEN_LIFE.toSeconds(), LOGS));
        manage("db_sync");
        manage("fernet_setup", "--keystone-user", "root", "--keystone-group", "root");
        manage("credential_setup", "--keystone-user", "root", "--keystone-group", "root");
        String identity = url() + "/v3/";
        manage("bootstrap", "--bootstrap-password", ADMIN_PASSWORD, "--bootstrap-region-id", "RegionOne",
                "--bootstrap-admin-url", identity, "--bootstrap-internal-url", identity,
                "--bootstrap-public-url", identity);
        // http11-socket: the plain http-socket answers HTTP/1.1 without "Connection: close" and then closes, so
        // clients that keep connections alive (the openstack client, the JDK's) meet resets
        ProcessBuilder builder = new ProcessBuilder("uwsgi", "--plugins", "python3",
                "--http11-socket", "127.0.0.1:" + port, "--wsgi-file", "/usr/bin/keystone-wsgi-public",
                "--master", "--processes", "2", "--threads", "4", "--die-on-term", "--need-app",
                "--buffer-size", "65535", "--logto", LOGS.resolve("uwsgi.log").toString())
                .redirectErrorStream(true).redirectOutput(LOGS.resolve("uwsgi.out").toFile());
        builder.environment().put("OS_KEYSTONE_CONFIG_FILES", config().toString());
        uwsgi = builder.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Awaitility.await("Keystone answering on " + url()).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (!uwsgi.isAlive()) {
                        throw new IllegalStateException("uwsgi stopped; see " + LOGS.resolve("uwsgi.log"));
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create(url() + "/v3")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private Path config() {
        return home.resolve("keystone.conf");
    }

    private void manage(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of("keystone-manage", "--config-file", config().toString()));
        line.addAll(List.of(command));
        Path output = LOGS.resolve("manage-" + command[0] + ".log");
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keystone-manage " + command[0] + " took over " + COMMAND_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("keystone-manage " + command[0] + " failed: " + Files.readString(output));
        }
    }

    /** Stops uwsgi (its master ends its workers on SIGTERM), drops the database and removes the directory. */
    @Override
    public void close() {
        if (uwsgi != null) {
            List<ProcessHandle> workers = uwsgi.descendants().toList();
            uwsgi.destroy();
            try {
                if (!uwsgi.waitFor(15, TimeUnit.SECONDS)) {
                    uwsgi.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        try (var connection = DriverManager.getConnection(serverUrl + "postgres", TestDatabase.user(),
                TestDatabase.password()); var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop Keystone's database " + database, e);
        }
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind harms nothing
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.testsupport.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole pipeline for real: HTTP → PostgreSQL + outbox → RabbitMQ → task manager → local compute driver →
 * guest agent process → mariadbd → heartbeats → conductor → HTTP.
 */
@EnabledIfSystemProperty(named = "shoal.e2e", matches = "true")
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MysqlInstanceLifecycleE2E {

    private static final String OPERATOR_TOKEN = "shoal_e2e-operator-token-0123456789abcdef";

    @TempDir
    static Path workDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_e2e_test", "shoal-e2e-test");
        registry.add("shoal.api.bootstrap-token", () -> OPERATOR_TOKEN);
        registry.add("shoal.compute.local.work-dir", () -> workDir.resolve("nodes").toString());
        registry.add("shoal.compute.local.heartbeat-interval", () -> "1s");
        registry.add("shoal.conductor.heartbeat-expiry", () -> "3s");
        registry.add("shoal.conductor.sweep-interval", () -> "500ms");
        registry.add("shoal.api.heartbeat-expiry", () -> "3s");
    }

    @AfterAll
    static void killLeftovers() {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(workDir.toString())).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void mysqlInstanceGoesFromRestToRunningMariadbAndBack() throws Exception {
        ShoalHttp http = new ShoalHttp("http://127.0.0.1:" + port);
        String token = http.newTenant(OPERATOR_TOKEN, "acme");

        Instant posted = Instant.now();
        ShoalHttp.Response created = http.send("POST", "/v1.0/acme/instances", token, """
                {"instance": {"name": "products", "datastore": {"type": "mysql"}, "flavorRef": "1",
                              "volume": {"size": 1}}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().path("instance").path("status").asString()).isEqualTo("BUILD");
        String id = created.json().path("instance").path("id").asString();
        String path = "/v1.0/acme/instances/" + id;

        await("instance ACTIVE").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(http, path, token), s -> s.equals("ACTIVE") || s.equals("ERROR"));
        System.out.printf("POST to ACTIVE: %d ms%n", Duration.between(posted, Instant.now()).toMillis());
        ShoalHttp.Response shown = http.send("GET", path, token, null);
        assertThat(shown.json().path("instance").path("status").asString()).as(shown.body()).isEqualTo("ACTIVE");
        String ip = shown.json().path("instance").path("ip").path(0).asString();
        assertThat(ip).startsWith("127.0.");
        assertThat(http.send("GET", path + "/root", token, null).json().path("rootEnabled").asBoolean()).isFalse();

        ShoalHttp.Response root = http.send("POST", path + "/root", token, null);
        assertThat(root.status()).as(root.body()).isEqualTo(200);
        String password = root.json().path("user").path("password").asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(http.send("GET", path + "/root", token, null).json().path("rootEnabled").asBoolean()).isTrue();

        String url = "jdbc:mariadb://" + ip + ":3306/?connectTimeout=2000";
        await("root password applied").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> canConnect(url, password));
        try (Connection connection = DriverManager.getConnection(url, "root", password);
             Statement sql = connection.createStatement()) {
            sql.execute("create database shop");
            sql.execute("create table shop.items (id int primary key, name varchar(40))");
            sql.execute("insert into shop.items values (1, 'anchor')");
            try (ResultSet rows = sql.executeQuery("select name from shop.items where id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("anchor");
            }
        }

        Path nodeDir = onlyNodeDir();
        long guestPid = Long.parseLong(Files.readString(nodeDir.resolve("guest.pid")).trim());
        ProcessHandle.of(guestPid).orElseThrow().destroyForcibly();
        await("SHUTDOWN after the guest is killed").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250)).until(() -> status(http, path, token), "SHUTDOWN"::equals);

        assertThat(http.send("DELETE", path, token, null).status()).isEqualTo(202);
        await("instance gone").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", path, token, null).status() == 404);
        assertThat(processesOf(nodeDir)).as("guest and mariadbd processes of the node").isZero();
        assertThat(nodeDir).doesNotExist();
    }

    private static String status(ShoalHttp http, String path, String token) {
        return http.send("GET", path, token, null).json().path("instance").path("status").asString();
    }

    private static boolean canConnect(String url, String password) throws SQLException {
        try (Connection ignored = DriverManager.getConnection(url, "root", password)) {
            return true;
        }
    }

    private static Path onlyNodeDir() throws IOException {
        try (Stream<Path> dirs = Files.list(workDir.resolve("nodes"))) {
            return dirs.filter(d -> Files.exists(d.resolve("guest.properties"))).findFirst().orElseThrow();
        }
    }

    private static long processesOf(Path nodeDir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(nodeDir.toString())).orElse(false))
                .count();
    }
}

package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline for real: HTTP → PostgreSQL + outbox → RabbitMQ → task manager → local compute driver →
 * guest agent process → mariadbd → heartbeats → conductor → HTTP; a killed guest is started again and takes over
 * its running server, and a killed server is started again by its guest, read-only until the control plane confirms
 * the node is still the master.
 */
class MysqlInstanceLifecycleE2E extends StandaloneE2E {

    @Test
    void mysqlInstanceGoesFromRestToRunningMariadbAndBack() throws Exception {
        ShoalHttp http = http();
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

        // Trove's root enable is synchronous: the password works the moment it is returned, not a moment later
        String url = "jdbc:mariadb://" + ip + ":3306/?connectTimeout=2000";
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

        Path nodeDir = nodeDirAt(ip);
        long guestPid = Long.parseLong(Files.readString(nodeDir.resolve("guest.pid")).trim());
        List<Long> servers = NodeDirectories.processesOf(nodeDir).stream().filter(pid -> pid != guestPid).toList();
        Instant killed = Instant.now();
        ProcessHandle.of(guestPid).orElseThrow().destroyForcibly();
        await("the guest started again").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> livePid(nodeDir.resolve("guest.pid")), pid -> pid != guestPid && pid != 0);
        // the new guest creates a database: it took over the running server
        ShoalHttp.Response database = http.send("POST", path + "/databases", token,
                "{\"databases\": [{\"name\": \"kept\"}]}");
        assertThat(database.status()).as(database.body()).isEqualTo(202);
        await("the new guest serves").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> databases(url, password).contains("kept"));
        System.out.printf("guest killed to its successor serving: %d ms%n",
                Duration.between(killed, Instant.now()).toMillis());
        assertThat(status(http, path, token)).isEqualTo("ACTIVE");
        assertThat(servers).as("mariadbd, adopted rather than started again")
                .allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        // the master's server crashes: its guest starts it again read-only, and it takes writes once confirmed
        Instant crashed = Instant.now();
        servers.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        await("writable again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> {
                    insert(url, password, "insert into shop.items values (2, 'buoy')");
                    return true;
                });
        System.out.printf("mariadbd killed to a write accepted again: %d ms%n",
                Duration.between(crashed, Instant.now()).toMillis());
        assertThat(Files.readString(nodeDir.resolve("guest.log")))
                .contains("refuses writes until the control plane confirms");
        ShoalHttp.Response restarted = http.send("GET", path, token, null);
        assertThat(restarted.json().path("instance").path("restarts").asInt()).as(restarted.body()).isEqualTo(1);
        assertThat(restarted.json().path("instance").path("status").asString()).isEqualTo("ACTIVE");

        assertThat(http.send("DELETE", path, token, null).status()).isEqualTo(202);
        await("instance gone").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", path, token, null).status() == 404);
        assertThat(processesOf(nodeDir)).as("guest and mariadbd processes of the node").isZero();
        assertThat(nodeDir).doesNotExist();
    }

    private static long livePid(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? pid : 0;
    }

    private static void insert(String url, String password, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", password);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static List<String> databases(String url, String password) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "root", password);
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("show databases")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}

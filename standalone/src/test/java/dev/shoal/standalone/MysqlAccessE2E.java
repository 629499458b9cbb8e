package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shoal.taskmanager.compute.IptablesRules;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A MySQL instance's security group enforced on a real MariaDB through the API, with the local driver's iptables
 * firewall: a client bound to 127.0.99.1 is refused while no rule admits it, let in by a rule for 127.0.99.0/24
 * (legacy API) or by the instance's access (modern API), shut out again when that goes, and the host always gets
 * through. Needs root for iptables; skipped elsewhere.
 */
class MysqlAccessE2E extends StandaloneE2E {

    private static final String TENANT = "accessco";
    private static final String ADMITTED = "127.0.99.1";
    private static final String OTHER = "127.0.98.1";

    @Test
    void theNodesFirewallAdmitsExactlyWhatItsSecurityGroupAllows() throws Exception {
        assumeTrue(IPTABLES, "iptables cannot be used here (not root, no iptables binary, or SHOAL_E2E_FIREWALL=none)");
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        String id = http.send("POST", "/v1.0/" + TENANT + "/instances", token, """
                {"instance": {"name": "guarded", "datastore": {"type": "mysql"}, "flavorRef": "1",
                              "volume": {"size": 1}, "access": {"is_public": false}}}""")
                .json().path("instance").path("id").asString();
        String path = "/v1.0/" + TENANT + "/instances/" + id;
        await("instance ACTIVE").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(http, path, token), s -> s.equals("ACTIVE") || s.equals("ERROR"));
        assertThat(status(http, path, token)).isEqualTo("ACTIVE");
        String ip = http.send("GET", path, token, null).json().path("instance").path("ip").path(0).asString();
        String chain = IptablesRules.chain(nodeDirAt(ip).getFileName().toString());
        String root = http.send("POST", path + "/root", token, null).json().path("user").path("password").asString();
        await("root applied").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> canConnect(mysqlUrl(ip), "root", root));

        JsonNode group = http.send("GET", "/v1.0/" + TENANT + "/security-groups/" + id, token, null).json()
                .path("security_group");
        assertThat(group.path("rules")).as("private without CIDRs").isEmpty();
        assertThat(group.path("enforcement").path("state").asString()).isEqualTo("ENFORCED");
        assertThat(group.path("enforcement").path("message").asString()).contains(chain);
        assertThat(iptables("-S", "INPUT")).contains("-d " + ip + "/32", "--dport 3306", "-j " + chain);
        assertThat(refused(ip, ADMITTED, root)).as("no rule admits it").isTrue();

        long asked = System.nanoTime();
        String rule = http.send("POST", "/v1.0/" + TENANT + "/security-group-rules", token,
                "{\"security_group_rule\": {\"group_id\": \"" + group.path("id").asString()
                        + "\", \"cidr\": \"127.0.99.0/24\"}}").json().path("security_group_rule").path("id").asString();
        awaitAccessApplied(http, path, token);
        System.out.printf("rule enforced in %d ms%n", (System.nanoTime() - asked) / 1_000_000);
        assertThat(connects(ip, ADMITTED, root)).as("127.0.99.0/24 is admitted").isTrue();
        assertThat(refused(ip, OTHER, root)).as("127.0.98.1 is not").isTrue();
        assertThat(canConnect(mysqlUrl(ip), "root", root)).as("the host always").isTrue();

        assertThat(http.send("DELETE", "/v1.0/" + TENANT + "/security-group-rules/" + rule, token, null).status())
                .isEqualTo(202);
        awaitAccessApplied(http, path, token);
        assertThat(refused(ip, ADMITTED, root)).as("its rule is gone").isTrue();

        assertThat(http.send("PUT", path, token, """
                {"instance": {"access": {"allowed_cidrs": ["127.0.98.0/24"]}}}""").status()).isEqualTo(202);
        awaitAccessApplied(http, path, token);
        JsonNode access = http.send("GET", path, token, null).json().path("instance").path("access");
        assertThat(texts(access.path("allowed_cidrs"))).containsExactly("127.0.98.0/24");
        assertThat(access.path("enforcement").asString()).isEqualTo("ENFORCED");
        assertThat(connects(ip, OTHER, root)).isTrue();
        assertThat(refused(ip, ADMITTED, root)).isTrue();

        assertThat(http.send("PUT", path, token, "{\"instance\": {\"access\": {\"is_public\": true}}}").status())
                .isEqualTo(202);
        awaitAccessApplied(http, path, token);
        assertThat(connects(ip, ADMITTED, root)).as("public: the default CIDR admits everyone").isTrue();

        assertThat(http.send("DELETE", path, token, null).status()).isEqualTo(202);
        await("instance gone").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", path, token, null).status() == 404);
        assertThat(iptables("-S")).as("the node's chain and its jump went with it").doesNotContain(chain);
    }

    private static void awaitAccessApplied(ShoalHttp http, String path, String token) {
        await("UPDATE_ACCESS").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.send("GET", path, token, null).json().path("instance").path("task"),
                        task -> "UPDATE_ACCESS".equals(task.path("name").asString())
                                && !"PENDING".equals(task.path("state").asString())
                                && !"RUNNING".equals(task.path("state").asString()));
        JsonNode task = http.send("GET", path, token, null).json().path("instance").path("task");
        assertThat(task.path("state").asString()).as(task.toString()).isEqualTo("COMPLETED");
    }

    private static boolean connects(String ip, String source, String password) throws SQLException {
        try (Connection ignored = DriverManager.getConnection(mysqlUrl(ip) + "&localSocketAddress=" + source,
                "root", password)) {
            return true;
        }
    }

    /** The server never answered: the firewall reset the connection before MariaDB saw it. */
    private static boolean refused(String ip, String source, String password) {
        try (Connection ignored = DriverManager.getConnection(mysqlUrl(ip) + "&localSocketAddress=" + source,
                "root", password)) {
            return false;
        } catch (SQLException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof ConnectException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("refused by the firewall, not by MariaDB: " + e).isNotNull();
            return true;
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    private static String iptables(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("iptables", "-w"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }
}

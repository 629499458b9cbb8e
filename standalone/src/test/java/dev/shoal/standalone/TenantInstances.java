package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** One tenant's instances, as the replication suites drive and read them through the API. */
final class TenantInstances {

    private final ShoalHttp http;
    private final String token;
    private final String path;

    TenantInstances(ShoalHttp http, String token, String tenant) {
        this.http = http;
        this.token = token;
        this.path = "/v1.0/" + tenant + "/instances";
    }

    String path() {
        return path;
    }

    JsonNode shown(String id) {
        return http.send("GET", path + "/" + id, token, null).json().path("instance");
    }

    String status(String id) {
        return shown(id).path("status").asString();
    }

    String role(String id) {
        return shown(id).path("role").asString("");
    }

    String ip(String id) {
        return shown(id).path("ip").path(0).asString();
    }

    String url(String id) {
        return StandaloneE2E.mysqlUrl(ip(id));
    }

    String replicaOf(String id) {
        JsonNode of = shown(id).path("replica_of");
        return of.isMissingNode() || of.isNull() ? null : of.path("id").asString();
    }

    List<String> replicasOf(String id) {
        List<String> ids = new ArrayList<>();
        shown(id).path("replicas").forEach(replica -> ids.add(replica.path("id").asString()));
        return ids;
    }

    /** The instance's condition of {@code type}, or a missing node when it shows none. */
    JsonNode condition(String id, String type) {
        for (JsonNode condition : shown(id).path("conditions")) {
            if (condition.path("type").asString().equals(type)) {
                return condition;
            }
        }
        return MissingNode.getInstance();
    }

    ShoalHttp.Response action(String id, String action) {
        return http.send("POST", path + "/" + id + "/action", token, "{\"" + action + "\": {}}");
    }

    /** The root password, once root works over the instance's own address. */
    String enableRoot(String id) {
        String password = http.send("POST", path + "/" + id + "/root", token, null).json().path("user")
                .path("password").asString();
        String url = url(id);
        await("root applied").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> StandaloneE2E.canConnect(url, "root", password));
        return password;
    }

    /** Deletes each instance in turn, a set's master after its replicas, and waits until it is gone. */
    void deleteInOrder(List<String> ids) {
        for (String id : ids) {
            ShoalHttp.Response deleted = http.send("DELETE", path + "/" + id, token, null);
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(202);
            await("instance " + id + " deleted").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> http.send("GET", path + "/" + id, token, null).status() == 404);
        }
    }

    /** {@code count} replicas of {@code master} made from one snapshot of it, each awaited {@code ACTIVE}. */
    List<String> replicate(String master, int count) {
        ShoalHttp.Response replicated = http.send("POST", path + "/" + master + "/action", token,
                "{\"replicate\": {\"count\": " + count + "}}");
        assertThat(replicated.status()).as(replicated.body()).isEqualTo(202);
        List<String> replicas = new ArrayList<>();
        replicated.json().path("instances").forEach(replica -> replicas.add(replica.path("id").asString()));
        assertThat(replicas).hasSize(count);
        replicas.forEach(this::awaitActive);
        return replicas;
    }

    void awaitActive(String id) {
        await("instance " + id + " ACTIVE").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(id), s -> s.equals("ACTIVE") || s.equals("ERROR"));
        assertThat(status(id)).as(shown(id).toString()).isEqualTo("ACTIVE");
    }
}

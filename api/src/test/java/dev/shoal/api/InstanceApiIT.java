package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.task.RunTask;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

class InstanceApiIT extends ApiTestSupport {

    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    MessageCodec codec;

    @Test
    void trovesReplicaBodyTakesFlavorAndVolumeFromTheMasterAndMakesReplicaCountReplicas() {
        String token = tenantToken("trovereplica");
        String master = call("POST", "/v1.0/trovereplica/instances", token, """
                {"instance": {"name": "db", "datastore": {"type": "mysql"}, "flavorRef": "2", "volume": {"size": 2}}}""")
                .json().path("instance").path("id").asString();

        Response created = call("POST", "/v1.0/trovereplica/instances", token, """
                {"instance": {"name": "ro", "volume": {"size": null, "type": null}, "replica_of": "%s",
                              "replica_count": 2, "access": {"is_public": false}}}""".formatted(master));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().path("instance").path("name").asString()).isEqualTo("ro-1");
        assertThat(created.json().path("instance").path("replica_of").path("id").asString()).isEqualTo(master);
        assertThat(created.json().path("instance").path("flavor").path("id").asString()).isEqualTo("2");
        assertThat(created.json().path("instance").path("volume").path("size").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from instances where slave_of = ?").param(UUID.fromString(master))
                .query(Long.class).single()).isEqualTo(2);
        assertThat(call("GET", "/v1.0/trovereplica/instances/" + master, token, null).json().path("instance")
                .path("replicas")).hasSize(2);

        Response publicly = call("POST", "/v1.0/trovereplica/instances", token, """
                {"instance": {"name": "ro", "replica_of": "%s", "access": {"is_public": true}}}""".formatted(master));
        assertThat(publicly.status()).as(publicly.body()).isEqualTo(200);
        assertThat(publicly.json().path("instance").path("access").path("allowed_cidrs").path(0).asString())
                .isEqualTo("0.0.0.0/0");
        assertThat(created.json().path("instance").path("access").path("allowed_cidrs"))
                .as("a private replica without CIDRs admits nobody from outside").isEmpty();
    }

    @Test
    void createWritesInstanceNodeTaskAndOutboxAtOnceAndTheTaskReachesTheTaskManagerQueue() {
        String token = tenantToken("creator");

        Response created = call("POST", "/v1.0/creator/instances", token, createBody("products"));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().path("instance").path("status").asString()).isEqualTo("BUILD");
        assertThat(created.json().path("instance").path("datastore").path("type").asString()).isEqualTo("mysql");
        assertThat(created.json().path("instance").path("flavor").path("id").asString()).isEqualTo("1");
        assertThat(created.json().path("instance").path("volume").path("size").asInt()).isEqualTo(1);
        UUID id = UUID.fromString(created.json().path("instance").path("id").asString());
        assertThat(count("select count(*) from nodes where instance_id = ?", id)).isEqualTo(1);
        String taskId = jdbc.sql("select id::text from tasks where resource_id = ? and kind = 'CREATE_INSTANCE'")
                .param(id).query(String.class).single();

        Envelope delivered = awaitTaskMessage(taskId);
        assertThat(delivered.type()).isEqualTo(MessageTypes.RUN_TASK);
        assertThat(codec.payload(delivered, RunTask.class).taskId()).isEqualTo(taskId);
        assertThat(count("select count(*) from outbox where published_at is null and id = ?::uuid",
                delivered.id())).as("marked published after the broker confirmed").isZero();
    }

    @Test
    void anotherTenantsInstanceIsNotFound() {
        String alice = tenantToken("alice");
        String bob = tenantToken("bob");
        String id = call("POST", "/v1.0/alice/instances", alice, createBody("private")).json()
                .path("instance").path("id").asString();

        assertThat(call("GET", "/v1.0/alice/instances/" + id, alice, null).status()).isEqualTo(200);
        assertThat(call("GET", "/v1.0/bob/instances/" + id, bob, null).status()).isEqualTo(404);
        assertThat(call("GET", "/v1.0/alice/instances/" + id, bob, null).status()).isEqualTo(404);
        assertThat(call("DELETE", "/v1.0/alice/instances/" + id, bob, null).status()).isEqualTo(404);
        assertThat(call("GET", "/v1.0/alice/instances", bob, null).status()).isEqualTo(404);
        assertThat(call("GET", "/v1.0/alice/instances/" + id, OPERATOR, null).status())
                .as("operators act in every tenant").isEqualTo(200);
    }

    @Test
    void missingUnknownAndRevokedTokensAreUnauthenticated() {
        String token = tenantToken("revoker");
        assertThat(call("GET", "/v1.0/revoker/instances", null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/v1.0/revoker/instances", "shoal_nope", null).status()).isEqualTo(401);
        assertThat(call("GET", "/v1.0/revoker/instances", token, null).status()).isEqualTo(200);
        String tokenId = call("GET", "/v1.0/mgmt/tenants/revoker/tokens", OPERATOR, null).json()
                .path("tokens").path(0).path("id").asString();

        assertThat(call("DELETE", "/v1.0/mgmt/tenants/revoker/tokens/" + tokenId, OPERATOR, null).status())
                .isEqualTo(204);

        Response refused = call("GET", "/v1.0/revoker/instances", token, null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("unauthorized").path("code").asInt()).isEqualTo(401);
        assertThat(count("select count(*) from auth_tokens where token_hash = ? or name = ?", token, token))
                .as("only hashes are stored").isZero();
    }

    @Test
    void listsPageByPageWithLimitAndMarker() {
        String token = tenantToken("pager");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(call("POST", "/v1.0/pager/instances", token, createBody("db" + i)).json()
                    .path("instance").path("id").asString());
        }

        Response first = call("GET", "/v1.0/pager/instances?limit=2", token, null);
        assertThat(ids(first)).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.json().path("links").path(0).path("href").asString()).contains("marker=" + ids.get(1));

        Response second = call("GET", "/v1.0/pager/instances?limit=2&marker=" + ids.get(1), token, null);
        assertThat(ids(second)).containsExactly(ids.get(2));
        assertThat(second.json().has("links")).isFalse();
    }

    @Test
    void deleteAnswersAcceptedOnceAndRecordsOneTask() {
        String token = tenantToken("deleter");
        String id = call("POST", "/v1.0/deleter/instances", token, createBody("gone")).json()
                .path("instance").path("id").asString();

        assertThat(call("DELETE", "/v1.0/deleter/instances/" + id, token, null).status()).isEqualTo(202);
        assertThat(call("DELETE", "/v1.0/deleter/instances/" + id, token, null).status()).isEqualTo(202);

        assertThat(count("select count(*) from tasks where resource_id = ?::uuid and kind = 'DELETE_INSTANCE'", id))
                .isEqualTo(1);
        assertThat(call("GET", "/v1.0/deleter/instances/" + id, token, null).json().path("instance")
                .path("status").asString()).isEqualTo("SHUTDOWN");
    }

    @Test
    void rootIsEnabledOnlyOnActiveInstancesAndItsPasswordIsNeverStored() {
        String token = tenantToken("rooter");
        String id = call("POST", "/v1.0/rooter/instances", token, createBody("db")).json()
                .path("instance").path("id").asString();
        String root = "/v1.0/rooter/instances/" + id + "/root";

        Response early = call("POST", root, token, null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("conflict").path("message").asString()).contains("ACTIVE");
        assertThat(call("GET", root, token, null).json().path("rootEnabled").asBoolean()).isFalse();

        makeActive(UUID.fromString(id));
        Response unconfirmed = call("POST", root, token, null);
        assertThat(unconfirmed.status()).as("no task manager took the password to the node").isEqualTo(504);
        assertThat(unconfirmed.contentType()).startsWith("application/problem+json");
        assertThat(unconfirmed.json().path("detail").asString()).contains("not confirmed by the node");

        CompletableFuture<Integer> taskManager = CompletableFuture.supplyAsync(() -> completeOpenRootTask(id));
        Response enabled = call("POST", root, token, null);

        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().path("user").path("name").asString()).isEqualTo("root");
        String password = enabled.json().path("user").path("password").asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(call("GET", root, token, null).json().path("rootEnabled").asBoolean()).isTrue();
        assertThat(count("select count(*) from tasks where parameters like ?", "%" + password + "%")).isZero();
        assertThat(count("select count(*) from outbox where body like ?", "%" + password + "%")).isZero();
        assertThat(taskManager.join()).as("the password was answered only after its task completed").isEqualTo(1);
        assertThat(count("select count(*) from tasks where resource_id = ?::uuid and kind = 'ENABLE_ROOT'", id))
                .isEqualTo(2);
    }

    @Test
    void anInstanceShowsHowOftenItsServerWasStartedAgainAfterACrashAndWhenItLastCrashed() {
        String token = tenantToken("crashy");
        String id = call("POST", "/v1.0/crashy/instances", token, createBody("db")).json()
                .path("instance").path("id").asString();
        makeActive(UUID.fromString(id));
        assertThat(call("GET", "/v1.0/crashy/instances/" + id, token, null).json().path("instance")
                .has("restarts")).as("nothing told yet").isFalse();

        jdbc.sql("""
                update service_statuses set restarts = 2, last_crash = timestamptz '2026-12-06 10:15:30+00'
                 where node_id = (select id from nodes where instance_id = ?::uuid)""").param(id).update();

        var shown = call("GET", "/v1.0/crashy/instances/" + id, token, null).json().path("instance");
        assertThat(shown.path("restarts").asInt()).isEqualTo(2);
        assertThat(shown.path("last_crash").asString()).isEqualTo("2026-12-06T10:15:30");
    }

    /** What the task manager does once every node took the password: the request waiting on it answers. */
    private int completeOpenRootTask(String instanceId) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            int completed = jdbc.sql("update tasks set state = 'COMPLETED', finished_at = now() where kind ="
                    + " 'ENABLE_ROOT' and resource_id = ?::uuid and state = 'PENDING' and created > now() - interval"
                    + " '1 second'").param(instanceId).update();
            if (completed > 0) {
                return completed;
            }
            Thread.onSpinWait();
        }
        return 0;
    }

    private static List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        page.json().path("instances").forEach(instance -> ids.add(instance.path("id").asString()));
        return ids;
    }

    private void makeActive(UUID instanceId) {
        settle(instanceId.toString());
    }

    /** Other suites' casts may be queued ahead of it (no task manager consumes them here): read past them. */
    private Envelope awaitTaskMessage(String taskId) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Message message = rabbit.receive(Routing.TASKMANAGER_QUEUE, 200);
            if (message != null) {
                Envelope envelope = codec.decode(message.getBody());
                if (new String(message.getBody(), StandardCharsets.UTF_8).contains(taskId)) {
                    return envelope;
                }
            }
        }
        throw new AssertionError("task " + taskId + " never reached the taskmanager queue");
    }
}

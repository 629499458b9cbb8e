package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every task is an operation its tenant can follow; no task manager runs here, so tests move tasks on by hand. */
class OperationApiIT extends ApiTestSupport {

    @Test
    void aCreatedInstanceIsAQueuedOperationAskedForByItsTokenAndSeenByItsTenantOnly() {
        String token = tenantToken("opsviewer");
        String other = tenantToken("opsother");
        String instance = create("opsviewer", token, "watched");
        UUID task = taskOf(instance);

        Response shown = call("GET", "/v1.0/opsviewer/operations/" + task, token, null);

        assertThat(shown.status()).isEqualTo(200);
        JsonNode operation = shown.json().path("operation");
        assertThat(operation.path("id").asString()).isEqualTo(task.toString());
        assertThat(operation.path("kind").asString()).isEqualTo("CREATE_INSTANCE");
        assertThat(operation.path("state").asString()).isEqualTo("QUEUED");
        assertThat(operation.path("target").path("type").asString()).isEqualTo("instance");
        assertThat(operation.path("target").path("id").asString()).isEqualTo(instance);
        assertThat(operation.path("target").path("links").get(0).path("href").asString())
                .endsWith("/v1.0/opsviewer/instances/" + instance);
        assertThat(operation.path("requested_by").asString()).isEqualTo("t");
        assertThat(operation.path("steps").isArray()).isTrue();
        assertThat(operation.path("steps")).isEmpty();
        assertThat(operation.path("progress").path("percent").asInt()).isZero();
        assertThat(operation.path("created").asString()).endsWith("Z");
        assertThat(operation.path("deadline").asString()).isGreaterThan(operation.path("created").asString());
        assertThat(operation.has("started")).isFalse();
        assertThat(operation.has("error")).isFalse();
        assertThat(operation.path("links").get(0).path("href").asString())
                .endsWith("/v1.0/opsviewer/operations/" + task);

        assertThat(call("GET", "/v1.0/opsother/operations/" + task, other, null).status()).isEqualTo(404);
        assertThat(call("GET", "/v1.0/opsviewer/operations/" + task, other, null).status()).isEqualTo(404);
        assertThat(call("GET", "/v1.0/opsother/operations/" + UUID.randomUUID(), other, null).status())
                .isEqualTo(404);
        assertThat(call("GET", "/v1.0/opsother/operations", other, null).json().path("operations")).isEmpty();
        assertThat(call("GET", "/v1.0/opsviewer/operations/" + task, OPERATOR, null).status()).isEqualTo(200);
    }

    @Test
    void everyAnswerThatStartsAnOperationSaysWhereToFollowIt() {
        String token = tenantToken("opsstarts");
        Response created = call("POST", "/v1.0/opsstarts/instances", token, createBody("followed"));
        String instance = created.json().path("instance").path("id").asString();
        UUID build = taskOf(instance);
        String operations = "http://127.0.0.1:" + port + "/v1.0/opsstarts/operations/";

        assertThat(created.header("Operation-Location")).isEqualTo(operations + build);
        assertThat(created.json().path("instance").path("task").path("operation_id").asString())
                .isEqualTo(build.toString());
        Response shown = call("GET", "/v1.0/opsstarts/instances/" + instance, token, null);
        assertThat(shown.header("Operation-Location")).as("a read starts nothing").isNull();
        assertThat(shown.json().path("instance").path("task").path("id").asString()).isEqualTo(build.toString());

        Response deleted = call("DELETE", "/v1.0/opsstarts/instances/" + instance, token, null);
        assertThat(deleted.status()).isEqualTo(202);
        UUID delete = jdbc.sql("select id from tasks where resource_id = ?::uuid and kind = 'DELETE_INSTANCE'")
                .param(instance).query(UUID.class).single();
        assertThat(deleted.header("Operation-Location")).isEqualTo(operations + delete);
        String location = deleted.header("Operation-Location");
        assertThat(call("GET", location.substring(location.indexOf("/v1.0/")), token, null).json()
                .path("operation").path("kind").asString()).isEqualTo("DELETE_INSTANCE");

        Response refused = call("POST", "/v1.0/opsstarts/instances", token, createBody(""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Operation-Location")).isNull();
    }

    @Test
    void listsFilterByResourceStateAndKindAndPageNewestFirst() {
        String token = tenantToken("opspages");
        String first = create("opspages", token, "first");
        String second = create("opspages", token, "second");
        String third = create("opspages", token, "third");
        settle(first);
        assertThat(call("DELETE", "/v1.0/opspages/instances/" + first, token, null).status()).isEqualTo(202);
        String list = "/v1.0/opspages/operations";

        assertThat(targets(call("GET", list, token, null))).containsExactly(first, third, second, first);
        assertThat(kinds(call("GET", list + "?resource_id=" + first, token, null)))
                .containsExactly("DELETE_INSTANCE", "CREATE_INSTANCE");
        assertThat(targets(call("GET", list + "?state=SUCCEEDED", token, null))).containsExactly(first);
        assertThat(targets(call("GET", list + "?state=queued", token, null))).containsExactly(first, third, second);
        assertThat(targets(call("GET", list + "?state=CANCELLED", token, null))).isEmpty();
        assertThat(kinds(call("GET", list + "?kind=DELETE_INSTANCE", token, null))).containsExactly("DELETE_INSTANCE");
        assertThat(call("GET", list + "?resource_id=" + first + "&kind=CREATE_INSTANCE&state=SUCCEEDED", token, null)
                .json().path("operations")).hasSize(1);

        Response page = call("GET", list + "?limit=3", token, null);
        assertThat(targets(page)).containsExactly(first, third, second);
        JsonNode next = page.json().path("links").get(0);
        assertThat(next.path("rel").asString()).isEqualTo("next");
        String href = next.path("href").asString();
        assertThat(href).contains("marker=" + page.json().path("operations").get(2).path("id").asString());
        Response rest = call("GET", href.substring(href.indexOf("/v1.0/")), token, null);
        assertThat(targets(rest)).containsExactly(first);
        assertThat(kinds(rest)).containsExactly("CREATE_INSTANCE");
        assertThat(rest.json().path("links")).isEmpty();
    }

    @Test
    void aFilterOrMarkerThatNamesNothingIsA400NamingItsParameter() {
        String token = tenantToken("opsrefused");
        String other = tenantToken("opsstranger");
        UUID foreign = taskOf(create("opsstranger", other, "foreign"));
        String list = "/v1.0/opsrefused/operations";

        assertRefused(call("GET", list + "?state=DONE", token, null), "state");
        assertRefused(call("GET", list + "?kind=REBOOT", token, null), "kind");
        assertRefused(call("GET", list + "?resource_id=not-an-id", token, null), "resource_id");
        assertRefused(call("GET", list + "?marker=not-an-id", token, null), "marker");
        assertRefused(call("GET", list + "?marker=" + foreign, token, null), "marker");
        assertRefused(call("GET", list + "?limit=0", token, null), "limit");
    }

    @Test
    void showsTheStepsTheTaskManagerRecordedAndWhatARunningSucceededOrFailedTaskIs() {
        String token = tenantToken("opsstates");
        String instance = create("opsstates", token, "stepped");
        UUID task = taskOf(instance);
        step(task, 0, "ALLOCATE", "DONE", null);
        step(task, 1, "SPAWN", "RUNNING", null);
        step(task, 2, "PREPARE", "PENDING", null);
        jdbc.sql("update tasks set state = 'RUNNING', started = now(), progress = 10, step = 'SPAWN' where id = ?")
                .param(task).update();

        JsonNode running = operation("opsstates", token, task);
        assertThat(running.path("state").asString()).isEqualTo("RUNNING");
        assertThat(running.path("started").isString()).isTrue();
        assertThat(running.path("steps")).extracting(step -> step.path("name").asString() + " "
                + step.path("state").asString()).containsExactly("ALLOCATE DONE", "SPAWN RUNNING", "PREPARE PENDING");
        assertThat(running.path("steps").get(0).path("description").asString()).isEqualTo("ALLOCATE, as planned");
        assertThat(running.path("progress").path("percent").asInt()).isEqualTo(10);
        assertThat(running.path("progress").path("done").asInt()).isEqualTo(1);
        assertThat(running.path("progress").path("total").asInt()).isEqualTo(3);

        jdbc.sql("update operation_steps set state = 'DONE', finished = now() where task_id = ?").param(task).update();
        jdbc.sql("update tasks set state = 'COMPLETED', progress = 100, finished_at = now() where id = ?").param(task)
                .update();
        JsonNode succeeded = operation("opsstates", token, task);
        assertThat(succeeded.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(succeeded.path("finished").isString()).isTrue();
        assertThat(succeeded.path("progress").path("done").asInt()).isEqualTo(3);
        assertThat(succeeded.has("error")).isFalse();

        UUID failed = taskOf(create("opsstates", token, "failing"));
        step(failed, 0, "ALLOCATE", "DONE", null);
        step(failed, 1, "SPAWN", "FAILED", "Starting the guest agent failed: no address left");
        step(failed, 2, "UNDO", "DONE", null);
        failTask(failed, "SPAWN", "Starting the guest agent failed: no address left");
        JsonNode stepFailed = operation("opsstates", token, failed);
        assertThat(stepFailed.path("state").asString()).isEqualTo("FAILED");
        assertThat(stepFailed.path("progress").path("total").asInt()).as("the undo is no planned step").isEqualTo(2);
        assertThat(stepFailed.path("error").path("code").asString()).isEqualTo("STEP_FAILED");
        assertThat(stepFailed.path("error").path("step").asString()).isEqualTo("SPAWN");
        assertThat(stepFailed.path("error").path("reason").asString()).contains("no address left");
        assertThat(stepFailed.path("error").path("remediation").asString())
                .isEqualTo("Delete the instance and create it again.");

        UUID late = taskOf(create("opsstates", token, "late"));
        failTask(late, "AWAIT_ACTIVE",
                "did not finish within its deadline (2026-12-06T10:00:00Z) at step AWAIT_ACTIVE");
        JsonNode deadline = operation("opsstates", token, late);
        assertThat(deadline.path("steps")).as("no steps recorded").isEmpty();
        assertThat(deadline.path("progress").has("total")).isFalse();
        assertThat(deadline.path("error").path("code").asString()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(deadline.path("error").path("step").asString()).isEqualTo("AWAIT_ACTIVE");
        assertThat(deadline.path("error").path("remediation").asString()).contains("guest.log");
    }

    @Test
    void aQueuedOrCancellableOperationIsCancellingOnceAskedAndAskingAgainChangesNothing() {
        String token = tenantToken("opscancel");
        String other = tenantToken("opscancelother");
        UUID queued = taskOf(create("opscancel", token, "unwanted"));
        String action = "/v1.0/opscancel/operations/" + queued + "/action";

        Response cancelled = call("POST", action, token, "{\"cancel\": {}}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        assertThat(cancelled.json().path("operation").path("state").asString()).isEqualTo("CANCELLING");
        assertThat(jdbc.sql("select cancel_requested_at is not null from tasks where id = ?").param(queued)
                .query(Boolean.class).single()).isTrue();
        assertThat(call("POST", action, token, "{\"cancel\": {}}").status()).isEqualTo(202);
        assertThat(targets(call("GET", "/v1.0/opscancel/operations?state=CANCELLING", token, null)))
                .containsExactly(resourceOf(queued));
        assertThat(targets(call("GET", "/v1.0/opscancel/operations?state=QUEUED", token, null))).isEmpty();
        assertThat(call("POST", "/v1.0/opscancelother/operations/" + queued + "/action", other,
                "{\"cancel\": {}}").status()).isEqualTo(404);

        UUID running = taskOf(create("opscancel", token, "spawning"));
        step(running, 0, "ALLOCATE", "DONE", null, true);
        step(running, 1, "SPAWN", "RUNNING", null, true);
        jdbc.sql("update tasks set state = 'RUNNING', started = now(), step = 'SPAWN' where id = ?").param(running)
                .update();
        assertThat(call("POST", "/v1.0/opscancel/operations/" + running + "/action", token, "{\"cancel\": {}}")
                .status()).isEqualTo(202);

        String built = create("opscancel", token, "regretted");
        jdbc.sql("update tasks set state = 'COMPLETED', finished_at = now() where id = ?").param(taskOf(built))
                .update();
        assertThat(call("DELETE", "/v1.0/opscancel/instances/" + built, token, null).status()).isEqualTo(202);
        UUID delete = jdbc.sql("select id from tasks where resource_id = ?::uuid and kind = 'DELETE_INSTANCE'")
                .param(built).query(UUID.class).single();
        Response undeleted = call("POST", "/v1.0/opscancel/operations/" + delete + "/action", token,
                "{\"cancel\": {}}");
        assertThat(undeleted.status()).as("a delete that stopped nothing, not yet removing the node")
                .isEqualTo(202);
    }

    @Test
    void endedUncancellablePastNoReturnAndDeletesThatStoppedABuildAre409NamingWhy() {
        String token = tenantToken("opsnocancel");
        UUID done = taskOf(create("opsnocancel", token, "built"));
        jdbc.sql("update tasks set state = 'COMPLETED', finished_at = now() where id = ?").param(done).update();
        assertConflict(cancel("opsnocancel", token, done), "already ended: SUCCEEDED");

        UUID joining = taskOf(create("opsnocancel", token, "joining"));
        step(joining, 0, "SPAWN", "DONE", null, true);
        step(joining, 1, "PREPARE", "RUNNING", null, false);
        jdbc.sql("update tasks set state = 'RUNNING', started = now(), step = 'PREPARE' where id = ?").param(joining)
                .update();
        assertConflict(cancel("opsnocancel", token, joining), "past its point of no return: it is at step PREPARE");

        UUID failing = taskOf(create("opsnocancel", token, "failing"));
        jdbc.sql("update tasks set state = 'RUNNING', undoing = true, error = 'no address left' where id = ?")
                .param(failing).update();
        assertConflict(cancel("opsnocancel", token, failing), "failed and is undoing");

        UUID restart = UUID.randomUUID();
        jdbc.sql("""
                insert into tasks (id, tenant_id, kind, resource_type, resource_id, state, step, deadline, created,
                                   updated)
                values (?, 'opsnocancel', 'RESTART_INSTANCE', 'instance', ?, 'PENDING', 'START',
                        now() + interval '5 minutes', now(), now())
                """).param(restart).param(UUID.randomUUID()).update();
        assertConflict(cancel("opsnocancel", token, restart), "RESTART_INSTANCE operations cannot be cancelled");

        String building = create("opsnocancel", token, "abandoned");
        UUID build = taskOf(building);
        assertThat(call("DELETE", "/v1.0/opsnocancel/instances/" + building, token, null).status()).isEqualTo(202);
        UUID delete = jdbc.sql("select id from tasks where resource_id = ?::uuid and kind = 'DELETE_INSTANCE'")
                .param(building).query(UUID.class).single();
        assertConflict(cancel("opsnocancel", token, delete), "stopped [" + build + "] on its instance");

        Response unknownAction = call("POST", "/v1.0/opsnocancel/operations/" + done + "/action", token,
                "{\"pause\": {}}");
        assertThat(unknownAction.status()).as(unknownAction.body()).isEqualTo(400);
        assertRefused(call("POST", "/v1.0/opsnocancel/operations/" + done + "/action", token, "{}"), "cancel");
    }

    @Test
    void theOperationsAreDescribedWithTheirFiltersAndStates() {
        JsonNode docs = call("GET", "/v3/api-docs", null, null).json();
        JsonNode list = docs.path("paths").path("/v1.0/{tenantId}/operations").path("get");
        List<String> parameters = new ArrayList<>();
        list.path("parameters").forEach(parameter -> parameters.add(parameter.path("name").asString()));
        assertThat(parameters).contains("resource_id", "state", "kind", "limit", "marker");
        assertThat(docs.path("paths").path("/v1.0/{tenantId}/operations/{id}").path("get").isObject()).isTrue();
        assertThat(docs.path("components").path("schemas").path("OperationView").path("properties").path("state")
                .toString()).contains("CANCELLED");
    }

    private String create(String tenant, String token, String name) {
        Response created = call("POST", "/v1.0/" + tenant + "/instances", token, createBody(name));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("instance").path("id").asString();
    }

    private UUID taskOf(String instance) {
        return jdbc.sql("select id from tasks where resource_id = ?::uuid").param(instance).query(UUID.class)
                .single();
    }

    private JsonNode operation(String tenant, String token, UUID task) {
        Response shown = call("GET", "/v1.0/" + tenant + "/operations/" + task, token, null);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        return shown.json().path("operation");
    }

    private void step(UUID task, int position, String name, String state, String message) {
        step(task, position, name, state, message, false);
    }

    private void step(UUID task, int position, String name, String state, String message, boolean cancellable) {
        jdbc.sql("""
                insert into operation_steps (id, task_id, position, name, description, state, started, finished,
                                             message, cancellable)
                values (?, ?, ?, ?, ?, ?, case when ? <> 'PENDING' then now() end,
                        case when ? in ('DONE', 'FAILED') then now() end, ?, ?)""")
                .param(UUID.randomUUID()).param(task).param(position).param(name).param(name + ", as planned")
                .param(state).param(state).param(state).param(message).param(cancellable).update();
    }

    private Response cancel(String tenant, String token, UUID task) {
        return call("POST", "/v1.0/" + tenant + "/operations/" + task + "/action", token, "{\"cancel\": {}}");
    }

    private String resourceOf(UUID task) {
        return jdbc.sql("select resource_id::text from tasks where id = ?").param(task).query(String.class).single();
    }

    private static void assertConflict(Response answer, String why) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains(why);
    }

    private void failTask(UUID task, String step, String error) {
        jdbc.sql("update tasks set state = 'FAILED', step = ?, error = ?, finished_at = now() where id = ?")
                .param(step).param(error).param(task).update();
    }

    private static List<String> targets(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> targets = new ArrayList<>();
        list.json().path("operations").forEach(operation -> targets.add(operation.path("target").path("id")
                .asString()));
        return targets;
    }

    private static List<String> kinds(Response list) {
        List<String> kinds = new ArrayList<>();
        list.json().path("operations").forEach(operation -> kinds.add(operation.path("kind").asString()));
        return kinds;
    }

    private static void assertRefused(Response answer, String parameter) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("field").asString()).isEqualTo(parameter);
        assertThat(answer.json().path("badRequest").path("code").asInt()).isEqualTo(400);
    }
}

package dev.shoal.api.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.api.ApiTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Trove's management instance routes and its {@code reset_status} action, as operators use them. */
class ManagementInstancesIT extends ApiTestSupport {

    @Test
    void anOperatorPagesThroughEveryTenantsInstances() {
        String first = id(activeInstance("mgmtone", tenantToken("mgmtone")));
        String second = id(activeInstance("mgmttwo", tenantToken("mgmttwo")));

        Response all = call("GET", "/v1.0/mgmtone/mgmt/instances?limit=1000", OPERATOR, null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("instances").valueStream()
                .filter(i -> i.path("id").asString().equals(second)).findFirst().orElseThrow()
                .path("tenant_id").asString()).isEqualTo("mgmttwo");

        Response page = call("GET", "/v1.0/mgmtone/mgmt/instances?limit=1&marker=" + first, OPERATOR, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("instances").size()).isEqualTo(1);
        assertThat(call("GET", "/v1.0/mgmtone/mgmt/instances/" + second, OPERATOR, null).json().path("instance")
                .path("tenant_id").asString()).isEqualTo("mgmttwo");
    }

    @Test
    void anInstanceWhoseNodeIsGoneIsLeftOutOfThePage() {
        String gone = id(activeInstance("mgmtgone", tenantToken("mgmtgone")));
        jdbc.sql("update nodes set deleted_at = now() where instance_id = ?").param(UUID.fromString(gone)).update();

        Response all = call("GET", "/v1.0/mgmtgone/mgmt/instances?limit=1000", OPERATOR, null);

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("instances").valueStream().map(i -> i.path("id").asString()))
                .doesNotContain(gone);
    }

    @Test
    void aTenantTokenIsRefusedTheManagementRoutes() {
        String token = tenantToken("mgmtnosy");
        String id = id(activeInstance("mgmtnosy", token));

        assertThat(call("GET", "/v1.0/mgmtnosy/mgmt/instances", token, null).status()).isEqualTo(403);
        assertThat(call("POST", "/v1.0/mgmtnosy/mgmt/instances/" + id + "/action", token,
                "{\"reset-task-status\": {}}").status()).isEqualTo(403);
        Response reset = call("POST", "/v1.0/mgmtnosy/instances/" + id + "/action", token, "{\"reset_status\": {}}");
        assertThat(reset.status()).isEqualTo(403);
        assertThat(reset.json().path("detail").asString()).contains("'operator'");
    }

    @Test
    void resetStatusClearsAStrandedErrorTaskAndShowsWhatTheNodeReports() {
        String path = activeInstance("mgmtreset", tenantToken("mgmtreset"));
        strand(id(path), "BUILDING_ERROR_TIMEOUT_GA");
        assertThat(call("GET", path, OPERATOR, null).json().path("instance").path("status").asString())
                .isEqualTo("ERROR");

        assertThat(call("POST", path + "/action", OPERATOR, "{\"reset_status\": {}}").status()).isEqualTo(202);

        assertThat(call("GET", path, OPERATOR, null).json().path("instance").path("status").asString())
                .as("the guest's last report: RUNNING").isEqualTo("ACTIVE");
    }

    @Test
    void resetTaskStatusThroughTheManagementRoute() {
        String path = activeInstance("mgmtresettask", tenantToken("mgmtresettask"));
        strand(id(path), "REBOOTING");

        assertThat(call("POST", "/v1.0/mgmtresettask/mgmt/instances/" + id(path) + "/action", OPERATOR,
                "{\"reset-task-status\": {}}").status()).isEqualTo(202);

        assertThat(call("GET", path, OPERATOR, null).json().path("instance").path("status").asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void stopAsksTheTaskManagerToStopTheDatastoreAndRebootToStartItAgain() {
        String path = activeInstance("mgmtstop", tenantToken("mgmtstop"));
        String action = "/v1.0/mgmtstop/mgmt/instances/" + id(path) + "/action";

        assertThat(call("POST", action, OPERATOR, "{\"stop\": {}}").status()).isEqualTo(202);

        assertThat(call("GET", path, OPERATOR, null).json().path("instance").path("status").asString())
                .isEqualTo("SHUTDOWN");
        assertThat(count("select count(*) from tasks where resource_id = ?::uuid and kind = 'STOP_INSTANCE'",
                id(path))).isEqualTo(1);
        assertThat(call("POST", action, OPERATOR, "{\"reboot\": {}}").status())
                .as("not while the stop is under way").isEqualTo(409);
        settle(id(path));
        assertThat(call("POST", action, OPERATOR, "{\"reboot\": {}}").status()).isEqualTo(202);
        assertThat(call("GET", path, OPERATOR, null).json().path("instance").path("status").asString())
                .isEqualTo("REBOOT");
    }

    @Test
    void aResetWaitsForTheTaskStillWorkingOnTheInstance() {
        String token = tenantToken("mgmtbusy");
        String id = call("POST", "/v1.0/mgmtbusy/instances", token, createBody("busy")).json().path("instance")
                .path("id").asString();

        Response refused = call("POST", "/v1.0/mgmtbusy/instances/" + id + "/action", OPERATOR,
                "{\"reset_status\": {}}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(call("GET", "/v1.0/mgmtbusy/instances/" + id, OPERATOR, null).json().path("instance")
                .path("status").asString()).isEqualTo("BUILD");
    }

    @Test
    void actionsShoalDoesNotOfferAndBadInputAreRefusedAsProblems() {
        String id = id(activeInstance("mgmtbad", tenantToken("mgmtbad")));
        String action = "/v1.0/mgmtbad/mgmt/instances/" + id + "/action";

        assertThat(call("POST", action, OPERATOR, "{\"migrate\": {}}").status()).isEqualTo(400);
        assertThat(call("POST", action, OPERATOR, "{\"explode\": {}}").status()).isEqualTo(400);
        assertThat(call("POST", action, OPERATOR, "{}").status()).isEqualTo(400);
        assertThat(call("POST", "/v1.0/mgmtbad/mgmt/instances/" + UUID.randomUUID() + "/action", OPERATOR,
                "{\"reboot\": {}}").status()).isEqualTo(404);
        Response badMarker = call("GET", "/v1.0/mgmtbad/mgmt/instances?marker=nope", OPERATOR, null);
        assertThat(badMarker.status()).isEqualTo(400);
        assertThat(badMarker.contentType()).startsWith("application/problem+json");
        Response notAnId = call("GET", "/v1.0/mgmtbad/mgmt/instances/not-a-uuid", OPERATOR, null);
        assertThat(notAnId.status()).as("no instance has such an id").isEqualTo(404);
        assertThat(notAnId.contentType()).startsWith("application/problem+json");
    }

    /** What a task manager that died mid-task leaves: the node's task, and no open task working on it. */
    private void strand(String instanceId, String task) {
        jdbc.sql("update nodes set task = ?, task_description = 'stranded' where instance_id = ?").param(task)
                .param(UUID.fromString(instanceId)).update();
    }
}

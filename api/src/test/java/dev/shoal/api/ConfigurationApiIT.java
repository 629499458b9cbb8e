package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Configuration groups through the API: values checked against parameter metadata, attach, detach, delete. */
class ConfigurationApiIT extends ApiTestSupport {

    @Test
    void groupsHoldCheckedValuesAndFollowTheirInstances() {
        String token = tenantToken("tuner");
        Response created = call("POST", "/v1.0/tuner/configurations", token, """
                {"configuration": {"name": "busy", "description": "many clients",
                                   "datastore": {"type": "mysql", "version": "10.11"},
                                   "values": {"max_connections": 500, "local_infile": false,
                                              "character_set_server": "utf8mb4"}}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode group = created.json().path("configuration");
        assertThat(group.path("values").path("max_connections").asString()).isEqualTo("500");
        assertThat(group.path("datastore_name").asString()).isEqualTo("mysql");
        String id = group.path("id").asString();
        String path = "/v1.0/tuner/configurations/" + id;

        Response patched = call("PATCH", path, token, "{\"configuration\": {\"values\": {\"wait_timeout\": 60}}}");
        assertThat(patched.json().path("configuration").path("values").path("max_connections").asString())
                .isEqualTo("500");
        assertThat(patched.json().path("configuration").path("values").path("wait_timeout").asString())
                .isEqualTo("60");
        Response replaced = call("PUT", path, token, "{\"configuration\": {\"values\": {\"wait_timeout\": 90}}}");
        assertThat(replaced.json().path("configuration").path("values").has("max_connections")).isFalse();

        String instance = call("POST", "/v1.0/tuner/instances", token, """
                {"instance": {"name": "db", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1},
                              "configuration": "%s"}}""".formatted(id)).json().path("instance").path("id").asString();
        assertThat(call("GET", path + "/instances", token, null).json().path("instances").path(0).path("id")
                .asString()).isEqualTo(instance);
        Response inUse = call("DELETE", path, token, null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.body()).contains(instance);

        // only the members present change: an empty update keeps the group, a null configuration detaches it
        assertThat(call("PUT", "/v1.0/tuner/instances/" + instance, token, "{\"instance\": {}}").status())
                .isEqualTo(202);
        assertThat(call("GET", path, token, null).json().path("configuration").path("instance_count").asInt())
                .isEqualTo(1);
        assertThat(call("PUT", "/v1.0/tuner/instances/" + instance, token,
                "{\"instance\": {\"configuration\": null, \"name\": \"renamed\"}}").status()).isEqualTo(202);
        assertThat(call("GET", path, token, null).json().path("configuration").path("instance_count").asInt())
                .isZero();
        assertThat(lastApply(instance)).as("a cancel of the detach puts the group and its values back")
                .isEqualTo(id + " {\"wait_timeout\": \"90\"}");
        assertThat(call("GET", "/v1.0/tuner/instances/" + instance, token, null).json().path("instance")
                .path("name").asString()).isEqualTo("renamed");
        assertThat(call("PUT", "/v1.0/tuner/instances/" + instance, token,
                "{\"instance\": {\"configuration\": \"" + id + "\"}}").status()).isEqualTo(202);
        assertThat(lastApply(instance)).isEqualTo("none {}");
        assertThat(call("PATCH", path, token, "{\"configuration\": {\"values\": {\"wait_timeout\": 120}}}")
                .status()).isEqualTo(200);
        assertThat(lastApply(instance)).as("a cancel of the change puts the group's earlier values back")
                .isEqualTo(id + " {\"wait_timeout\": \"90\"}");
        Response unknown = call("PUT", "/v1.0/tuner/instances/" + instance, token,
                "{\"instance\": {\"flavorRef\": \"2\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("field").asString()).isEqualTo("instance.flavorRef");
        assertThat(call("PUT", "/v1.0/tuner/instances/" + instance, token,
                "{\"instance\": {\"configuration\": null}}").status()).isEqualTo(202);
        assertThat(call("DELETE", path, token, null).status()).isEqualTo(202);
        assertThat(call("GET", path, token, null).status()).isEqualTo(404);
    }

    @Test
    void unknownReadOnlyMistypedAndOutOfRangeValuesAre422NamingEachParameter() {
        String token = tenantToken("strict");
        Response refused = call("POST", "/v1.0/strict/configurations", token, """
                {"configuration": {"name": "bad", "datastore": {"type": "mysql"},
                                   "values": {"max_connections": 0, "server_id": 7, "log_bin": true,
                                              "no_such_knob": 1, "local_infile": "maybe",
                                              "character_set_server": "klingon", "wait_timeout": "soon"}}}""");
        assertThat(refused.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        refused.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("values.max_connections", "values.server_id", "values.log_bin",
                "values.no_such_knob", "values.local_infile", "values.character_set_server", "values.wait_timeout");
        assertThat(call("GET", "/v1.0/strict/configurations", token, null).json().path("configurations")).isEmpty();
    }

    @Test
    void parametersAreListedWithTheirRulesAndHiddenOnesAreNot() {
        String token = tenantToken("reader");
        JsonNode parameters = call("GET", "/v1.0/reader/datastores/mysql/versions/10.11/parameters", token, null)
                .json().path("configuration-parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(parameter -> names.add(parameter.path("name").asString()));
        assertThat(names).contains("max_connections", "performance_schema", "log_bin").doesNotContain("server_id");
        JsonNode one = call("GET", "/v1.0/reader/datastores/mysql/versions/10.11/parameters/performance_schema",
                token, null).json();
        assertThat(one.path("restart_required").asBoolean()).isTrue();
        assertThat(one.path("type").asString()).isEqualTo("boolean");
        assertThat(call("GET", "/v1.0/reader/datastores/mysql/versions/10.11/parameters/server_id", token, null)
                .status()).isEqualTo(404);
    }

    /** What the instance's newest configuration apply keeps of before: the group (or none) and its values. */
    private String lastApply(String instance) {
        return jdbc.sql("""
                select coalesce(parameters::jsonb ->> 'previous_configuration_id', 'none') || ' '
                       || (parameters::jsonb -> 'previous_values')::text
                  from tasks where resource_id = ?::uuid and kind = 'APPLY_CONFIGURATION'
                 order by created desc limit 1""").param(instance).query(String.class).single();
    }
}

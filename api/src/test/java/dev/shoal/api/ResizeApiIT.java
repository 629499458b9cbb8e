package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Trove's resize action: a new flavor or a larger volume, written at once, refused with the field at fault. */
class ResizeApiIT extends ApiTestSupport {

    @Test
    void aNewFlavorAndALargerVolumeAreTakenOneAtATime() {
        String token = tenantToken("resized");
        String id = created("resized", token);
        String path = "/v1.0/resized/instances/" + id;
        Response building = action(path, token, "{\"resize\": {\"flavorRef\": \"2\"}}");
        assertThat(building.status()).as("a building instance waits").isEqualTo(409);
        assertThat(building.body()).contains("BUILD", "once it is ACTIVE");
        settle(id);

        assertThat(action(path, token, "{\"resize\": {\"flavorRef\": \"2\"}}").status()).isEqualTo(202);
        JsonNode resizing = call("GET", path, token, null).json().path("instance");
        assertThat(resizing.path("status").asString()).isEqualTo("RESIZE");
        assertThat(resizing.path("flavor").path("id").asString()).isEqualTo("2");
        assertThat(resizing.path("task_description").asString()).contains("flavor 2");
        assertThat(jdbc.sql("select parameters from tasks where resource_id = ?::uuid and kind = 'RESIZE_INSTANCE'")
                .param(id).query(String.class).single()).contains("\"fromFlavorId\":\"1\"", "\"flavorId\":\"2\"");
        assertThat(action(path, token, "{\"resize\": {\"volume\": {\"size\": 2}}}").status())
                .as("one resize at a time").isEqualTo(409);

        settle(id);
        assertThat(action(path, token, "{\"resize\": {\"volume\": {\"size\": 3}}}").status()).isEqualTo(202);
        JsonNode growing = call("GET", path, token, null).json().path("instance");
        assertThat(growing.path("volume").path("size").asInt()).isEqualTo(3);
        assertThat(growing.path("flavor").path("id").asString()).isEqualTo("2");
    }

    @Test
    void badResizesNameTheFieldAtFault() {
        String token = tenantToken("misresized");
        String id = created("misresized", token);
        settle(id);
        String path = "/v1.0/misresized/instances/" + id;

        assertField(action(path, token, "{\"resize\": {}}"), 400, "resize");
        assertField(action(path, token, "{\"resize\": {\"flavorRef\": \"2\", \"volume\": {\"size\": 2}}}"), 400,
                "resize");
        assertField(action(path, token, "{\"resize\": {\"flavorRef\": \"1\"}}"), 400, "resize.flavorRef");
        assertField(action(path, token, "{\"resize\": {\"flavorRef\": \"99\"}}"), 422, "resize.flavorRef");
        assertField(action(path, token, "{\"resize\": {\"flavorRef\": {}}}"), 400, "resize.flavorRef");
        assertField(action(path, token, "{\"resize\": {\"volume\": {\"size\": 1}}}"), 400, "resize.volume.size");
        // Trove's schema takes a size as digits in a string too, as create does; anything else is refused
        assertField(action(path, token, "{\"resize\": {\"volume\": {\"size\": \"two\"}}}"), 400,
                "resize.volume.size");
        assertField(action(path, token, "{\"resize\": {\"volume\": {\"size\": 100000}}}"), 400,
                "resize.volume.size");
        assertThat(call("GET", path, token, null).json().path("instance").path("status").asString())
                .as("nothing was half written").isEqualTo("ACTIVE");
    }

    @Test
    void aVolumePastTheQuotaIs413AndAClusterNodeRefusesByCapability() {
        String token = tenantToken("bounded");
        String id = created("bounded", token);
        settle(id);
        assertThat(call("PUT", "/v1.0/bounded/mgmt/quotas/bounded", OPERATOR, "{\"quotas\": {\"volumes\": 4}}").status())
                .isEqualTo(200);
        Response over = action("/v1.0/bounded/instances/" + id, token, "{\"resize\": {\"volume\": {\"size\": 5}}}");
        assertThat(over.status()).as(over.body()).isEqualTo(413);
        assertThat(over.body()).contains("volumes (1 of 4 GB in use, 4 GB more asked)");
        assertThat(call("GET", "/v1.0/bounded/instances/" + id, token, null).json().path("instance").path("volume")
                .path("size").asInt()).isEqualTo(1);

        String cluster = call("POST", "/v1.0/bounded/clusters", token, """
                {"cluster": {"name": "ring", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 1}}""").json().path("cluster").path("id").asString();
        String node = call("GET", "/v1.0/bounded/clusters/" + cluster, token, null).json().path("cluster")
                .path("instances").path(0).path("id").asString();
        Response flavor = action("/v1.0/bounded/instances/" + node, token, "{\"resize\": {\"flavorRef\": \"3\"}}");
        assertThat(flavor.status()).isEqualTo(422);
        assertThat(flavor.body()).contains("resize-flavor", "clusters of cassandra");
        Response volume = action("/v1.0/bounded/instances/" + node, token,
                "{\"resize\": {\"volume\": {\"size\": 2}}}");
        assertThat(volume.status()).isEqualTo(422);
        assertThat(volume.body()).contains("resize-volume");
    }

    private String created(String tenant, String token) {
        Response created = call("POST", "/v1.0/" + tenant + "/instances", token, createBody("db"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("instance").path("id").asString();
    }

    private Response action(String path, String token, String body) {
        return call("POST", path + "/action", token, body);
    }

    private static void assertField(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("field").asString()).as(response.body()).isEqualTo(field);
    }
}

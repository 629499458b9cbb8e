package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Capabilities per datastore version, for instances and clusters apart, and the endpoints that honour them. */
class CapabilitiesIT extends ApiTestSupport {

    @Test
    void versionsShowWhatTheyOfferInstancesAndClusters() {
        String token = tenantToken("capable");
        JsonNode mysql = call("GET", "/v1.0/capable/datastores/mysql/versions/10.11", token, null).json().path("version");
        assertThat(capability(mysql, "root-enable").path("enabled").asBoolean()).isTrue();
        assertThat(capability(mysql, "root-enable").path("enabled_cluster").asBoolean()).isTrue();
        assertThat(capability(mysql, "replication").path("enabled").asBoolean()).isTrue();
        assertThat(capability(mysql, "resize-volume").path("enabled_cluster").asBoolean()).isFalse();

        String cassandraVersion = call("GET", "/v1.0/capable/datastores/cassandra/versions", token, null).json()
                .path("versions").path(0).path("id").asString();
        JsonNode cassandra = call("GET", "/v1.0/capable/datastores/cassandra/versions/" + cassandraVersion, token,
                null).json().path("version");
        assertThat(cassandra.path("name").asString()).isEqualTo("5.0");
        assertThat(capability(cassandra, "replication").path("enabled").asBoolean()).isFalse();
        assertThat(call("GET", "/v1.0/capable/datastores/versions/" + cassandraVersion, token, null).status())
                .isEqualTo(200);
    }

    @Test
    void aDisabledCapabilityIs422NamingItAndOperatorsTurnItBackOn() {
        String token = tenantToken("switched");
        String id = call("POST", "/v1.0/switched/instances", token, """
                {"instance": {"name": "db", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1}}}""")
                .json().path("instance").path("id").asString();
        String override = "/v1.0/mgmt/datastores/mysql/versions/10.11/capabilities/root-status";
        assertThat(call("PUT", override, token, "{\"capability\": {\"enabled\": false}}").status())
                .as("tenants do not change capabilities").isEqualTo(403);

        Response off = call("PUT", override, OPERATOR, "{\"capability\": {\"enabled\": false}}");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().path("capability").path("enabled").asBoolean()).isFalse();
        assertThat(off.json().path("capability").path("enabled_cluster").asBoolean()).isFalse();
        Response refused = call("GET", "/v1.0/switched/instances/" + id + "/root", token, null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("root-status");

        assertThat(call("PUT", override, OPERATOR, "{\"capability\": {\"enabled\": true}}").status()).isEqualTo(200);
        assertThat(call("GET", "/v1.0/switched/instances/" + id + "/root", token, null).status()).isEqualTo(200);
        assertThat(call("PUT", override, OPERATOR, "{\"capability\": {}}").status()).isEqualTo(400);
    }

    @Test
    void rootOnACassandraClusterIsNotOffered() {
        String token = tenantToken("rootless");
        String id = call("POST", "/v1.0/rootless/clusters", token, """
                {"cluster": {"name": "ring", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 1}}""").json().path("cluster").path("id").asString();
        Response refused = call("POST", "/v1.0/rootless/clusters/" + id + "/root", token, null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("root-enable", "clusters of cassandra 5.0");
    }

    private static JsonNode capability(JsonNode version, String name) {
        for (JsonNode capability : version.path("capabilities")) {
            if (capability.path("name").asString().equals(name)) {
                return capability;
            }
        }
        throw new AssertionError("no capability " + name + " in " + version);
    }
}

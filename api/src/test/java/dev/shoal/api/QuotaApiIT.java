package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quotas are counted from what a tenant holds; a create past one is a 413 overLimit that writes nothing. */
class QuotaApiIT extends ApiTestSupport {


    @Test
    void createsPastAQuotaAreRefusedNamingTheResourceAndWriteNothing() {
        String token = tenantToken("quotaco");
        String quota = "/v1.0/quotaco/mgmt/quotas/quotaco";
        assertThat(call("PUT", quota, OPERATOR, "{\"quotas\": {\"instances\": 2, \"volumes\": 3}}").json()
                .path("quotas").path("instances").asInt()).isEqualTo(2);

        Response first = call("POST", "/v1.0/quotaco/instances", token, createBody("one"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String master = first.json().path("instance").path("id").asString();

        Response cluster = call("POST", "/v1.0/quotaco/clusters", token, """
                {"cluster": {"name": "ring", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 2}}""");
        assertThat(cluster.status()).isEqualTo(413);
        assertThat(cluster.json().path("overLimit").path("message").asString()).contains("instances", "1 of 2");
        assertThat(jdbc.sql("select count(*) from clusters where tenant_id = 'quotaco'").query(Long.class).single())
                .isZero();

        Response replicas = call("POST", "/v1.0/quotaco/instances/" + master + "/action", token,
                "{\"replicate\": {\"count\": 2}}");
        assertThat(replicas.status()).isEqualTo(413);

        Response big = call("POST", "/v1.0/quotaco/instances", token, """
                {"instance": {"name": "big", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 3}}}""");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().path("message").asString()).contains("volumes").doesNotContain("instances");
        assertThat(jdbc.sql("select count(*) from nodes where tenant_id = 'quotaco'").query(Long.class).single())
                .isEqualTo(1);

        Response shown = call("GET", quota, token, null);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().path("quotas").path(0).path("resource").asString()).isEqualTo("instances");
        assertThat(shown.json().path("quotas").path(0).path("in_use").asInt()).isEqualTo(1);
        assertThat(shown.json().path("quotas").path(1).path("limit").asInt()).isEqualTo(3);
        assertThat(call("GET", "/v1.0/quotaco/limits", token, null).json().path("limits").path(0)
                .path("max_instances").asInt()).isEqualTo(2);
    }

    @Test
    void onlyAnOperatorChangesQuotasAndATenantSeesOnlyItsOwn() {
        String token = tenantToken("quotaview");
        tenantToken("quotaother");
        assertThat(call("PUT", "/v1.0/quotaview/mgmt/quotas/quotaview", token,
                "{\"quotas\": {\"instances\": 100}}").status()).isEqualTo(403);
        assertThat(call("GET", "/v1.0/quotaview/mgmt/quotas/quotaother", token, null).status()).isEqualTo(403);
        assertThat(call("GET", "/v1.0/quotaview/mgmt/quotas/quotaview", token, null).json().path("quotas")
                .path(0).path("limit").asInt()).as("the service's default").isEqualTo(20);
        Response bad = call("PUT", "/v1.0/quotaview/mgmt/quotas/quotaview", OPERATOR,
                "{\"quotas\": {\"instances\": -5, \"ram\": 1}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asString()).isEqualTo("quotas.ram");
    }

    @Test
    void aClientAcceptingOnlyJsonGetsTheProblemLabelledJsonWithItsMessageFirst() {
        String token = tenantToken("plainjson");
        Response refused = call("POST", "/v1.0/plainjson/instances", token, createBody(" "), "application/json",
                "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.json().path("message").asString()).contains("instance.name");
        Response problem = call("POST", "/v1.0/plainjson/instances", token, createBody(" "), "application/json",
                "application/problem+json, application/json");
        assertThat(problem.contentType()).startsWith("application/problem+json");
    }
}

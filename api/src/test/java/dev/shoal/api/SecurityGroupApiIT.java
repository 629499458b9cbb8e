package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Trove's security groups as the API keeps them: every node has one from its creation, the legacy rule API and
 * the modern {@code access} change the same rules, each change leaves an {@code UPDATE_ACCESS} task, and what is
 * refused is refused by field, by tenant, by duplicate and, on a cluster's node, by capability.
 */
class SecurityGroupApiIT extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyInstanceHasAGroupWhoseRulesAreListedShownAddedAndRemoved() {
        String token = tenantToken("secgroups");
        String instance = create("secgroups", token, createBody("db"));

        JsonNode groups = call("GET", "/v1.0/secgroups/security-groups", token, null).json().path("security_groups");
        assertThat(groups).hasSize(1);
        JsonNode group = groups.path(0);
        assertThat(group.path("name").asString()).isEqualTo("SecGroup_" + instance);
        assertThat(group.path("instance_id").asString()).isEqualTo(instance);
        assertThat(group.path("description").asString()).contains(instance);
        assertThat(group.path("created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(group.path("links").path(0).path("href").asString()).endsWith("/security-groups/"
                + group.path("id").asString());
        JsonNode rule = group.path("rules").path(0);
        assertThat(List.of(rule.path("protocol").asString(), rule.path("from_port").asInt(),
                rule.path("to_port").asInt(), rule.path("cidr").asString()))
                .as("the default rule opens MySQL's port to the default CIDR")
                .containsExactly("tcp", 3306, 3306, "0.0.0.0/0");
        assertThat(group.path("enforcement").path("state").asString()).isEqualTo("PENDING");
        String groupId = group.path("id").asString();
        String byInstance = call("GET", "/v1.0/secgroups/security-groups/" + instance, token, null).json()
                .path("security_group").path("id").asString();
        assertThat(byInstance).as("shown by the instance's id too, as Trove's show takes it").isEqualTo(groupId);

        Response added = call("POST", "/v1.0/secgroups/security-group-rules", token,
                ruleBody(groupId, "127.0.99.0/24"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode created = added.json().path("security_group_rule");
        assertThat(created.path("group_id").asString()).isEqualTo(groupId);
        assertThat(created.path("security_group_id").asString()).isEqualTo(groupId);
        assertThat(created.path("from_port").asInt()).isEqualTo(3306);
        assertThat(created.path("cidr").asString()).isEqualTo("127.0.99.0/24");
        assertThat(call("POST", "/v1.0/secgroups/security-group-rules", token, ruleBody(groupId, "2001:DB8::/32"))
                .json().path("security_group_rule").path("cidr").asString()).isEqualTo("2001:db8::/32");
        assertThat(cidrs(show(token, groupId))).containsExactly("0.0.0.0/0", "127.0.99.0/24", "2001:db8::/32");
        assertThat(accessOf(token, instance).path("allowed_cidrs")).hasSize(3);
        assertThat(count("select count(*) from tasks where kind = 'UPDATE_ACCESS' and resource_id = ?::uuid",
                instance)).isEqualTo(2);

        Response duplicate = call("POST", "/v1.0/secgroups/security-group-rules", token,
                ruleBody(groupId, " 127.0.99.0/24"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("message").asString()).contains("already allows 127.0.99.0/24");

        assertThat(call("DELETE", "/v1.0/secgroups/security-group-rules/" + created.path("id").asString(), token,
                null).status()).isEqualTo(202);
        assertThat(cidrs(show(token, groupId))).containsExactly("0.0.0.0/0", "2001:db8::/32");
        assertThat(call("DELETE", "/v1.0/secgroups/security-group-rules/" + created.path("id").asString(), token,
                null).status()).isEqualTo(404);
        assertThat(call("GET", path(instance, "secgroups"), token, null).json().path("instance").path("task")
                .path("name").asString()).as("the instance shows the change applying").isEqualTo("UPDATE_ACCESS");
        assertThat(count("select count(*) from tasks where kind = 'UPDATE_ACCESS' and resource_id = ?::uuid",
                instance)).isEqualTo(3);
    }

    @Test
    void malformedRulesAreRefusedByFieldAndNothingIsWritten() {
        String token = tenantToken("badrules");
        String instance = create("badrules", token, createBody("db"));
        String groupId = show(token, instance).path("id").asString();

        record Refusal(String cidr, String message) {
        }
        for (Refusal refusal : List.of(new Refusal("10.1.2.3/8", "the network is 10.0.0.0/8"),
                new Refusal("10.0.0.0", "needs a prefix length"), new Refusal("10.0.0.0/33", "0 to 32"),
                new Refusal("300.0.0.0/8", "not an IPv4 or IPv6 address"),
                new Refusal("db.example.com/32", "not an IPv4 or IPv6 address"),
                new Refusal("2001:db8::1/64", "the network is 2001:db8::/64"), new Refusal("", "is required"))) {
            Response refused = call("POST", "/v1.0/badrules/security-group-rules", token,
                    ruleBody(groupId, refusal.cidr()));
            assertThat(refused.status()).as(refusal.toString()).isEqualTo(400);
            assertThat(refused.json().path("field").asString()).isEqualTo("security_group_rule.cidr");
            assertThat(refused.json().path("badRequest").path("message").asString()).contains(refusal.message());
        }
        Response noGroup = call("POST", "/v1.0/badrules/security-group-rules", token,
                "{\"security_group_rule\": {\"cidr\": \"10.0.0.0/8\"}}");
        assertThat(noGroup.json().path("field").asString()).isEqualTo("security_group_rule.group_id");
        assertThat(call("POST", "/v1.0/badrules/security-group-rules", token, "{}").json().path("field")
                .asString()).isEqualTo("security_group_rule");
        assertThat(call("POST", "/v1.0/badrules/security-group-rules", token,
                "{\"security_group_rule\": {\"group_id\": \"g\", \"cidr\": [1]}}").json().path("field").asString())
                .isEqualTo("security_group_rule.cidr");
        assertThat(call("POST", "/v1.0/badrules/security-group-rules", token, ruleBody("not-a-group", "10.0.0.0/8"))
                .status()).isEqualTo(404);
        assertThat(cidrs(show(token, groupId))).containsExactly("0.0.0.0/0");
        assertThat(count("select count(*) from tasks where kind = 'UPDATE_ACCESS' and resource_id = ?::uuid",
                instance)).isZero();
    }

    @Test
    void anotherTenantsGroupsAndRulesAreNotFound() {
        String owner = tenantToken("sgowner");
        String other = tenantToken("sgother");
        String instance = create("sgowner", owner, createBody("db"));
        String groupId = show(owner, instance).path("id").asString();
        String ruleId = show(owner, instance).path("rules").path(0).path("id").asString();

        assertThat(call("GET", "/v1.0/sgother/security-groups/" + groupId, other, null).status()).isEqualTo(404);
        assertThat(call("GET", "/v1.0/sgother/security-groups/" + instance, other, null).status()).isEqualTo(404);
        assertThat(call("GET", "/v1.0/sgother/security-groups", other, null).json().path("security_groups"))
                .isEmpty();
        assertThat(call("POST", "/v1.0/sgother/security-group-rules", other, ruleBody(groupId, "10.0.0.0/8"))
                .status()).isEqualTo(404);
        assertThat(call("DELETE", "/v1.0/sgother/security-group-rules/" + ruleId, other, null).status())
                .isEqualTo(404);
        assertThat(call("GET", "/v1.0/sgowner/security-groups/" + groupId, other, null).status())
                .as("another tenant's path").isEqualTo(404);
        assertThat(cidrs(show(owner, groupId))).containsExactly("0.0.0.0/0");
    }

    @Test
    void listsPageWithTheirMarkerAndAGroupGoesWithItsNode() {
        String token = tenantToken("sgpages");
        List<String> instances = List.of(create("sgpages", token, createBody("a")),
                create("sgpages", token, createBody("b")), create("sgpages", token, createBody("c")));

        Response first = call("GET", "/v1.0/sgpages/security-groups?limit=2", token, null);
        assertThat(instanceIds(first)).containsExactlyElementsOf(instances.subList(0, 2));
        String next = first.json().path("links").path(0).path("href").asString();
        assertThat(instanceIds(call("GET", next.substring(next.indexOf("/v1.0")), token, null)))
                .containsExactly(instances.get(2));
        assertThat(call("GET", "/v1.0/sgpages/security-groups?marker=nonsense", token, null).status())
                .isEqualTo(400);

        jdbc.sql("update nodes set deleted_at = now(), ip = null where instance_id = ?::uuid")
                .param(instances.get(0)).update();
        assertThat(instanceIds(call("GET", "/v1.0/sgpages/security-groups", token, null)))
                .containsExactlyElementsOf(instances.subList(1, 3));
        assertThat(call("GET", "/v1.0/sgpages/security-groups/" + instances.get(0), token, null).status())
                .isEqualTo(404);
    }

    @Test
    void aClusterNodesGroupIsShownButItsRulesAreRefusedByTheCapabilityName() {
        String token = tenantToken("sgnodes");
        JsonNode cluster = call("POST", "/v1.0/sgnodes/clusters", token, """
                {"cluster": {"name": "set", "datastore": {"type": "mysql"}, "flavorRef": "1",
                             "volume": {"size": 1}, "size": 2}}""").json().path("cluster");
        String nodeId = cluster.path("instances").path(1).path("id").asString();
        JsonNode group = show(token, nodeId);
        assertThat(group.path("instance_id").asString()).isEqualTo(nodeId);
        assertThat(group.path("name").asString()).isEqualTo("SecGroup_" + nodeId);
        assertThat(cidrs(group)).containsExactly("0.0.0.0/0");
        assertThat(call("GET", "/v1.0/sgnodes/security-groups", token, null).json().path("security_groups"))
                .hasSize(2);
        assertThat(call("GET", path(nodeId, "sgnodes"), token, null).json().path("instance").path("access")
                .path("allowed_cidrs").path(0).asString()).isEqualTo("0.0.0.0/0");

        for (Response refused : List.of(
                call("POST", "/v1.0/sgnodes/security-group-rules", token,
                        ruleBody(group.path("id").asString(), "10.0.0.0/8")),
                call("DELETE", "/v1.0/sgnodes/security-group-rules/" + group.path("rules").path(0).path("id")
                        .asString(), token, null),
                call("PUT", path(nodeId, "sgnodes"), token, "{\"instance\": {\"access\": {\"is_public\": false}}}"))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().path("field").asString()).isEqualTo("capability");
            assertThat(refused.json().path("message").asString()).contains("secgroup-create", "clusters");
        }
        assertThat(cidrs(show(token, nodeId))).containsExactly("0.0.0.0/0");
    }

    @Test
    void accessOnCreateAndUpdateIsTheGroupsRules() {
        String token = tenantToken("sgaccess");
        String restricted = create("sgaccess", token, """
                {"instance": {"name": "r", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1},
                              "access": {"is_public": false, "allowed_cidrs": ["10.0.0.0/8", "192.168.1.0/24"]}}}""");
        JsonNode access = accessOf(token, restricted);
        assertThat(access.path("is_public").asBoolean()).isFalse();
        assertThat(texts(access.path("allowed_cidrs"))).containsExactly("10.0.0.0/8", "192.168.1.0/24");
        assertThat(cidrs(show(token, restricted))).containsExactly("10.0.0.0/8", "192.168.1.0/24");

        String closed = create("sgaccess", token, """
                {"instance": {"name": "c", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1},
                              "access": {"is_public": false}}}""");
        assertThat(accessOf(token, closed).path("allowed_cidrs")).as("private without CIDRs: nobody from outside")
                .isEmpty();
        String open = create("sgaccess", token, createBody("o"));
        assertThat(accessOf(token, open).path("is_public").asBoolean()).isTrue();

        Response badCreate = call("POST", "/v1.0/sgaccess/instances", token, """
                {"instance": {"name": "x", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1},
                              "access": {"allowed_cidrs": ["10.0.0.0/8", "10.0.0.7/8"]}}}""");
        assertThat(badCreate.status()).isEqualTo(400);
        assertThat(badCreate.json().path("field").asString()).isEqualTo("instance.access.allowed_cidrs[1]");
        assertThat(call("POST", "/v1.0/sgaccess/instances", token, """
                {"instance": {"name": "x", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1},
                              "access": {"is_public": "yes"}}}""").json().path("field").asString())
                .isEqualTo("instance.access.is_public");

        assertThat(update(token, restricted, "{\"allowed_cidrs\": [\"127.0.99.0/24\"]}")).isEqualTo(202);
        access = accessOf(token, restricted);
        assertThat(texts(access.path("allowed_cidrs"))).containsExactly("127.0.99.0/24");
        assertThat(access.path("is_public").asBoolean()).as("left out, it is kept").isFalse();
        assertThat(access.path("enforcement").asString()).isEqualTo("PENDING");
        assertThat(update(token, restricted, "{\"is_public\": true}")).isEqualTo(202);
        assertThat(texts(accessOf(token, restricted).path("allowed_cidrs"))).containsExactly("0.0.0.0/0");
        assertThat(update(token, restricted, "{\"is_public\": false}")).isEqualTo(202);
        assertThat(accessOf(token, restricted).path("allowed_cidrs")).isEmpty();
        assertThat(count("select count(*) from tasks where kind = 'UPDATE_ACCESS' and resource_id = ?::uuid",
                restricted)).isEqualTo(3);

        Response badUpdate = call("PUT", path(restricted, "sgaccess"), token,
                "{\"instance\": {\"access\": {\"allowed_cidrs\": [\"fe80::1%eth0/128\"]}}}");
        assertThat(badUpdate.status()).isEqualTo(400);
        assertThat(badUpdate.json().path("field").asString()).isEqualTo("instance.access.allowed_cidrs[0]");
        Response together = call("PUT", path(restricted, "sgaccess"), token,
                "{\"instance\": {\"access\": {\"is_public\": true}, \"configuration\": null}}");
        assertThat(together.status()).isEqualTo(400);
        assertThat(together.json().path("field").asString()).isEqualTo("instance.access");
        assertThat(accessOf(token, restricted).path("allowed_cidrs")).as("nothing changed").isEmpty();

        jdbc.sql("update nodes set task = 'DELETING' where instance_id = ?::uuid").param(open).update();
        assertThat(update(token, open, "{\"is_public\": false}")).isEqualTo(409);
    }

    private String create(String tenant, String token, String body) {
        Response created = call("POST", "/v1.0/" + tenant + "/instances", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("instance").path("id").asString();
    }

    private int update(String token, String instance, String access) {
        String tenant = jdbc.sql("select tenant_id from instances where id = ?::uuid").param(instance)
                .query(String.class).single();
        return call("PUT", path(instance, tenant), token, "{\"instance\": {\"access\": " + access + "}}").status();
    }

    private JsonNode accessOf(String token, String instance) {
        String tenant = jdbc.sql("select tenant_id from instances where id = ?::uuid").param(instance)
                .query(String.class).single();
        return call("GET", path(instance, tenant), token, null).json().path("instance").path("access");
    }

    /** A group by its id or its instance's, in whichever tenant it is. */
    private JsonNode show(String token, String id) {
        String tenant = jdbc.sql("select tenant_id from security_groups where id::text = ? or instance_id::text = ?")
                .param(id).param(id).query(String.class).single();
        Response shown = call("GET", "/v1.0/" + tenant + "/security-groups/" + id, token, null);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        return shown.json().path("security_group");
    }

    private static String path(String instance, String tenant) {
        return "/v1.0/" + tenant + "/instances/" + instance;
    }

    private static String ruleBody(String groupId, String cidr) {
        return "{\"security_group_rule\": {\"group_id\": \"" + groupId + "\", \"cidr\": \"" + cidr + "\"}}";
    }

    private static List<String> cidrs(JsonNode group) {
        List<String> cidrs = new ArrayList<>();
        group.path("rules").forEach(rule -> cidrs.add(rule.path("cidr").asString()));
        return cidrs;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    private static List<String> instanceIds(Response page) {
        List<String> ids = new ArrayList<>();
        page.json().path("security_groups").forEach(group -> ids.add(group.path("instance_id").asString()));
        return ids;
    }
}

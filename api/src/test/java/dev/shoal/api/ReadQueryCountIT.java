package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Reads send as many SQL statements for a page of 15 instances as for 3, for a master with 5 replicas as with 1, and
 * for a cluster of 9 nodes as of 3. Tokens are looked up on every request here, so each count holds one lookup.
 */
@Import(StatementCounter.class)
@TestPropertySource(properties = "shoal.api.token-cache-ttl=0s")
class ReadQueryCountIT extends ApiTestSupport {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Test
    void aPageOf15InstancesTakesAsManyStatementsAsAPageOf3() {
        String small = tenantToken("fewsets");
        replicationSets("fewsets", small, 1, 2);
        String large = tenantToken("manysets");
        replicationSets("manysets", large, 5, 2);

        int three = statements("/v1.0/fewsets/instances?limit=20", small, 3);
        int fifteen = statements("/v1.0/manysets/instances?limit=20", large, 15);

        assertThat(fifteen).as("statements for 15 instances (3 take %d)", three).isEqualTo(three);
    }

    @Test
    void aPageWithAClustersNodesTakesAsManyStatementsWhateverTheirNumber() {
        String small = tenantToken("fewnodes");
        replicationSets("fewnodes", small, 1, 1);
        cluster("fewnodes", small, 3);
        String large = tenantToken("manynodes");
        replicationSets("manynodes", large, 1, 1);
        cluster("manynodes", large, 9);

        int five = statements("/v1.0/fewnodes/instances?include_clustered=true", small, 5);
        int eleven = statements("/v1.0/manynodes/instances?include_clustered=true", large, 11);

        assertThat(eleven).as("statements for 2 instances and 9 nodes (and 3 nodes take %d)", five).isEqualTo(five);
    }

    @Test
    void aMasterWithFiveReplicasTakesAsManyStatementsAsWithOne() {
        String small = tenantToken("onereplica");
        String few = replicationSets("onereplica", small, 1, 1).get(0);
        String large = tenantToken("fivereplicas");
        String many = replicationSets("fivereplicas", large, 1, 5).get(0);

        int one = statements("/v1.0/onereplica/instances/" + few, small, -1);
        int five = statements("/v1.0/fivereplicas/instances/" + many, large, -1);

        assertThat(five).as("statements for a master of 5 replicas (of 1: %d)", one).isEqualTo(one);
    }

    /**
     * The token, the instance with its node, status and newest task, its replicas, its access: a read is dominated by
     * its round trips, so each kind of row costs one statement and the catalog none.
     */
    @Test
    void anInstanceReadTakesFourStatements() {
        String token = tenantToken("onestatement");
        String master = replicationSets("onestatement", token, 1, 0).get(0);

        assertThat(statements("/v1.0/onestatement/instances/" + master, token, -1)).isEqualTo(4);
    }

    @Test
    void aClusterOf9NodesTakesAsManyStatementsAsOf3() {
        String small = tenantToken("smallring");
        String three = cluster("smallring", small, 3);
        String large = tenantToken("largering");
        String nine = cluster("largering", large, 9);

        int ofThree = statements("/v1.0/smallring/clusters/" + three, small, -1);
        int ofNine = statements("/v1.0/largering/clusters/" + nine, large, -1);

        assertThat(ofNine).as("statements for 9 nodes (3 take %d)", ofThree).isEqualTo(ofThree);
    }

    /** Statements one GET sends; {@code listed} instances are expected in a list's answer (-1: not a list). */
    private int statements(String path, String token, int listed) {
        Response response = call("GET", path, token, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        if (listed >= 0) {
            assertThat(response.json().path("instances").size()).isEqualTo(listed);
        }
        return StatementCounter.lastRequest();
    }

    /** Masters, each followed by replicas, built, placed and reporting semi-synchronous replication. */
    private List<String> replicationSets(String tenant, String token, int masters, int replicasEach) {
        List<String> masterIds = new ArrayList<>();
        for (int m = 0; m < masters; m++) {
            String master = created(call("POST", "/v1.0/" + tenant + "/instances", token, createBody("db" + m)));
            List<String> members = new ArrayList<>(List.of(master));
            for (int r = 0; r < replicasEach; r++) {
                members.add(created(call("POST", "/v1.0/" + tenant + "/instances", token, """
                        {"instance": {"name": "db%d-%d", "flavorRef": "1", "volume": {"size": 1},
                                      "slave": {"of": "%s"}}}""".formatted(m, r, master))));
            }
            settle(members.toArray(String[]::new));
            for (int i = 0; i < members.size(); i++) {
                jdbc.sql("update nodes set ip = ? where instance_id = ?").param(address())
                        .param(UUID.fromString(members.get(i))).update();
            }
            jdbc.sql("update service_statuses set sync_replication = true, sync_replication_since = now()"
                    + " where node_id = ?").param(nodeOf(master)).update();
            masterIds.add(master);
        }
        return masterIds;
    }

    /** A replication cluster whose nodes are built and reporting: a master and replicas. */
    private String cluster(String tenant, String token, int size) {
        Response created = call("POST", "/v1.0/" + tenant + "/clusters", token, """
                {"cluster": {"name": "c%d", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1},
                             "size": %d}}""".formatted(size, size));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        UUID id = UUID.fromString(created.json().path("cluster").path("id").asString());
        List<UUID> nodes = jdbc.sql("select id from nodes where cluster_id = ? order by created, name").param(id)
                .query(UUID.class).list();
        for (int i = 0; i < nodes.size(); i++) {
            jdbc.sql("update nodes set task = 'NONE', task_description = null, role = ?, ip = ? where id = ?")
                    .param(i == 0 ? "MASTER" : "REPLICA").param(address()).param(nodes.get(i))
                    .update();
            jdbc.sql("insert into service_statuses (node_id, status, sent_at, updated_at)"
                    + " values (?, 'RUNNING', now(), now())").param(nodes.get(i)).update();
        }
        jdbc.sql("update clusters set task = 'NONE' where id = ?").param(id).update();
        jdbc.sql("update tasks set state = 'COMPLETED' where resource_id = ?").param(id).update();
        return id.toString();
    }

    private static String address() {
        int next = ADDRESSES.incrementAndGet();
        return "10.73." + next / 250 + "." + (next % 250 + 1);
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("instance").path("id").asString();
    }
}

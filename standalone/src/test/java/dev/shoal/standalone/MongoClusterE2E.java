package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;

/**
 * A MongoDB replica set with an arbiter through {@code /clusters}, on real {@code mongod} processes. No registry this
 * machine reaches ships a {@code mongod}, so this runs only where {@code SHOAL_MONGOD} names one.
 */
@EnabledIfEnvironmentVariable(named = "SHOAL_MONGOD", matches = ".+")
class MongoClusterE2E extends StandaloneE2E {

    private static final String TENANT = "replicaset";

    @Test
    void aReplicaSetWithAnArbiterServesItsPrimaryAndFollowsMembershipChanges() {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        String clusters = "/v1.0/" + TENANT + "/clusters";

        Instant posted = Instant.now();
        ShoalHttp.Response created = http.send("POST", clusters, token, """
                {"cluster": {"name": "docs", "datastore": {"type": "mongodb"}, "flavorRef": "1",
                             "volume": {"size": 1}, "nodes": [{}, {}, {"type": "arbiter"}]}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String path = clusters + "/" + created.json().path("cluster").path("id").asString();
        JsonNode cluster = awaitClusterActive(http, path, token);
        System.out.printf("MongoDB 3-member replica set POST to ACTIVE: %d ms%n",
                Duration.between(posted, Instant.now()).toMillis());
        assertThat(cluster.path("nodes").path(2).path("type").asString()).isEqualTo("arbiter");

        String seeds = cluster.path("nodes").path(0).path("ip").path(0).asString() + ":27017,"
                + cluster.path("nodes").path(1).path("ip").path(0).asString() + ":27017";
        try (MongoClient client = MongoClients.create("mongodb://" + seeds + "/?replicaSet=rs-"
                + cluster.path("id").asString().substring(0, 8))) {
            client.getDatabase("shop").getCollection("items").insertOne(new Document("_id", 1).append("name", "anchor"));
            await("read on a secondary").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> client
                    .getDatabase("shop").withReadPreference(ReadPreference.secondary()).getCollection("items")
                    .find(new Document("_id", 1)).first() != null);
        }

        assertThat(http.send("POST", path + "/nodes", token, "{\"nodes\": {\"num\": 1}}").status()).isEqualTo(202);
        cluster = awaitClusterActive(http, path, token);
        assertThat(cluster.path("nodes")).hasSize(4);
        String removed = cluster.path("nodes").path(3).path("id").asString();
        assertThat(http.send("DELETE", path + "/nodes/" + removed, token, null).status()).isEqualTo(202);
        cluster = awaitClusterActive(http, path, token);
        assertThat(nodeIds(cluster)).hasSize(3).doesNotContain(removed);

        assertThat(http.send("DELETE", path, token, null).status()).isEqualTo(202);
        await("cluster deleted").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.send("GET", path, token, null).status() == 404);
    }
}

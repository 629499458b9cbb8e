package dev.shoal.datastores.mongodb.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The exact commands a configuration group's values become on mongod, and how their answers are read. */
class MongoParameterTest {

    @Test
    void serverParametersAreSetAndReadThroughSetParameterAndGetParameterTyped() {
        MongoParameter cursorTimeout = MongoParameter.of("cursorTimeoutMillis").orElseThrow();
        assertThat(cursorTimeout.setCommand("30000").toJson())
                .isEqualTo(new Document("setParameter", 1).append("cursorTimeoutMillis", 30000L).toJson());
        assertThat(cursorTimeout.readCommand()).isEqualTo(new Document("getParameter", 1)
                .append("cursorTimeoutMillis", 1));
        assertThat(cursorTimeout.running(new Document("cursorTimeoutMillis", 30000L).append("ok", 1.0)))
                .isEqualTo("30000");

        MongoParameter notablescan = MongoParameter.of("notablescan").orElseThrow();
        assertThat(notablescan.setCommand("ON").get("notablescan")).isEqualTo(true);
        assertThat(notablescan.setCommand("false").get("notablescan")).isEqualTo(false);
        assertThatThrownBy(() -> notablescan.setCommand("sometimes")).hasMessageContaining("true or false");
    }

    @Test
    void theSlowOperationThresholdGoesThroughTheProfilerWithoutChangingItsLevel() {
        MongoParameter slowMs = MongoParameter.of("slowOpThresholdMs").orElseThrow();
        assertThat(slowMs.setCommand("250")).isEqualTo(new Document("profile", -1).append("slowms", 250L));
        assertThat(slowMs.running(new Document("was", 0).append("slowms", 250).append("ok", 1.0)))
                .isEqualTo("250");
    }

    @Test
    void theConnectionLimitIsReadOnlyAtStartAndReadBackFromTheStartOptions() {
        MongoParameter connections = MongoParameter.of("maxIncomingConnections").orElseThrow();
        assertThat(connections.isLive()).isFalse();
        assertThatThrownBy(() -> connections.setCommand("100")).hasMessageContaining("read only at start");
        assertThat(connections.readCommand()).isEqualTo(new Document("getCmdLineOpts", 1));
        assertThat(connections.running(new Document("parsed", new Document("net",
                new Document("bindIp", "127.0.6.1").append("maxIncomingConnections", 100))))).isEqualTo("100");
        assertThat(connections.running(new Document("parsed", new Document("net", new Document()))))
                .as("mongod's own default when the file sets none").isEqualTo("1000000");
    }

    @Test
    void namesOutsideTheGroupsReachAreNotParameters() {
        assertThat(MongoParameter.of("replSet")).isEmpty();
        assertThat(MongoParameter.of("shutdown")).isEmpty();
    }

    @Test
    void valuesCompareByTypeNotBySpelling() {
        MongoParameter ttl = MongoParameter.of("ttlMonitorEnabled").orElseThrow();
        assertThat(MongodOverrides.same(ttl, "on", "true")).isTrue();
        assertThat(MongodOverrides.same(ttl, "off", "true")).isFalse();
        assertThat(MongodOverrides.same(MongoParameter.of("ttlMonitorSleepSecs").orElseThrow(), "60", "60"))
                .isTrue();
        assertThat(MongodOverrides.same(ttl, "true", null)).isFalse();
    }
}

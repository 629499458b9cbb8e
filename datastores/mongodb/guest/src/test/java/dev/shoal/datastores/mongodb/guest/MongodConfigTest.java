package dev.shoal.datastores.mongodb.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongodConfigTest {

    @Test
    void rendersEverythingUnderTheNodeDirectoryBoundToTheNodeAddress() {
        assertThat(MongodConfig.render(Path.of("/var/shoal/n1"), "127.0.6.1", "rs-3f2a9c1e", 2048)).isEqualTo("""
                net:
                  bindIp: "127.0.6.1"
                  port: 27017
                storage:
                  dbPath: "/var/shoal/n1/data"
                  wiredTiger:
                    engineConfig:
                      cacheSizeGB: 0.5
                systemLog:
                  destination: file
                  path: "/var/shoal/n1/mongod.log"
                  logAppend: true
                processManagement:
                  pidFilePath: "/var/shoal/n1/mongod.pid"
                replication:
                  replSetName: "rs-3f2a9c1e"
                """);
    }

    @Test
    void writesAGroupsValuesWhereMongodReadsThemTypedAndLeavesTheClustersOwn() {
        String conf = MongodConfig.render(Path.of("/var/shoal/n1"), "127.0.6.1", "rs-3f2a9c1e", 2048, Map.of(
                "cursorTimeoutMillis", "30000", "notablescan", "on", "slowOpThresholdMs", "250",
                "maxIncomingConnections", "500", "replSet", "rs-other"));

        assertThat(conf).startsWith("""
                net:
                  bindIp: "127.0.6.1"
                  port: 27017
                  maxIncomingConnections: 500
                storage:
                """);
        assertThat(conf).endsWith("""
                replication:
                  replSetName: "rs-3f2a9c1e"
                operationProfiling:
                  slowOpThresholdMs: 250
                setParameter:
                  cursorTimeoutMillis: 30000
                  notablescan: true
                """);
    }

    @Test
    void keepsPathsWithQuotesAndColonsOneYamlValue() {
        String conf = MongodConfig.render(Path.of("/tmp/a \"b\": c"), "127.0.6.2", "rs-x", 1024);

        assertThat(conf).contains("  dbPath: \"/tmp/a \\\"b\\\": c/data\"\n");
    }

    @Test
    void namesTheReplicaSetAfterTheClusterIdAlikeOnEveryMember() {
        assertThat(MongodConfig.replicaSetName("3f2a9c1e-77aa-4b8e-9d5c-0a1b2c3d4e5f")).isEqualTo("rs-3f2a9c1e");
        assertThat(MongodConfig.replicaSetName("ab.c")).isEqualTo("rs-abc");
        assertThatThrownBy(() -> MongodConfig.replicaSetName("..."))
                .hasMessageContaining("gives no replica set name");
    }

    @Test
    void sizesTheCacheToAQuarterOfTheMemoryButNeverBelowMongodsMinimum() {
        assertThat(MongodConfig.cacheSizeGb(256).toPlainString()).isEqualTo("0.25");
        assertThat(MongodConfig.cacheSizeGb(1024).toPlainString()).isEqualTo("0.25");
        assertThat(MongodConfig.cacheSizeGb(2048).toPlainString()).isEqualTo("0.5");
        assertThat(MongodConfig.cacheSizeGb(4096).toPlainString()).isEqualTo("1");
        assertThat(MongodConfig.cacheSizeGb(6000).toPlainString()).isEqualTo("1.46");
    }
}

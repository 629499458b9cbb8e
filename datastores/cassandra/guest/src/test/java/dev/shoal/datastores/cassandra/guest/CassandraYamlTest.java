package dev.shoal.datastores.cassandra.guest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.guest.ClusterMember;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraYamlTest {

    private static final Path NODE_DIR = Path.of("/var/lib/shoal/nodes/n1");

    @Test
    void seedsAreListedWithTheStoragePort() {
        String yaml = CassandraYaml.render(NODE_DIR, "10.0.0.3", member(List.of("10.0.0.1", "10.0.0.2"), null));

        assertThat(yaml).contains("      - seeds: '10.0.0.1:7000,10.0.0.2:7000'\n");
    }

    @Test
    void aNodeWithoutSeedsSeedsItself() {
        String yaml = CassandraYaml.render(NODE_DIR, "10.0.0.3", member(List.of(), null));

        assertThat(yaml).contains("      - seeds: '10.0.0.3:7000'\n");
    }

    @Test
    void listensAndServesClientsOnTheNodeAddressWithStandardPorts() {
        String yaml = CassandraYaml.render(NODE_DIR, "10.0.0.3", member(List.of("10.0.0.1"), null));

        assertThat(yaml).contains("listen_address: 10.0.0.3\n", "rpc_address: 10.0.0.3\n", "storage_port: 7000\n",
                "native_transport_port: 9042\n");
    }

    @Test
    void clusterNameFollowsTheClusterId() {
        String yaml = CassandraYaml.render(NODE_DIR, "10.0.0.3", member(List.of("10.0.0.1"), null));

        assertThat(yaml).startsWith("cluster_name: 'shoal-c-42'\n");
    }

    @Test
    void everyDirectoryIsUnderTheNodeDataDirectory() {
        String yaml = CassandraYaml.render(NODE_DIR, "10.0.0.3", member(List.of("10.0.0.1"), null));

        assertThat(yaml).contains("  - '/var/lib/shoal/nodes/n1/data/data'\n",
                "commitlog_directory: '/var/lib/shoal/nodes/n1/data/commitlog'\n",
                "saved_caches_directory: '/var/lib/shoal/nodes/n1/data/saved_caches'\n",
                "hints_directory: '/var/lib/shoal/nodes/n1/data/hints'\n",
                "cdc_raw_directory: '/var/lib/shoal/nodes/n1/data/cdc_raw'\n");
    }

    @Test
    void replacementIsALaunchFlagNotConfiguration() {
        ClusterMember replacing = new ClusterMember("c-42", ClusterMember.TYPE_MEMBER, null, List.of("10.0.0.1"),
                "10.0.0.9");

        assertThat(CassandraYaml.render(NODE_DIR, "10.0.0.3", replacing)).doesNotContain("10.0.0.9");
    }

    @Test
    void theRegionIsTheDataCentre() {
        assertThat(CassandraYaml.rackDc(member(List.of(), "eu-west"))).isEqualTo("dc=eu-west\nrack=rack1\n");
    }

    @Test
    void aNodeWithoutRegionIsInDc1() {
        assertThat(CassandraYaml.rackDc(member(List.of(), null))).isEqualTo("dc=dc1\nrack=rack1\n");
        assertThat(CassandraYaml.rackDc(member(List.of(), " "))).isEqualTo("dc=dc1\nrack=rack1\n");
    }

    @Test
    void usesTheGossipingSnitchSoTheRackDcFileCounts() {
        String yaml = CassandraYaml.render(NODE_DIR, "10.0.0.3", member(List.of("10.0.0.1"), "eu-west"));

        assertThat(yaml).contains("endpoint_snitch: GossipingPropertyFileSnitch\n", "num_tokens: 16\n",
                "allocate_tokens_for_local_replication_factor: 3\n", "commitlog_sync: periodic\n");
    }

    static ClusterMember member(List<String> seeds, String region) {
        return new ClusterMember("c-42", ClusterMember.TYPE_MEMBER, region, seeds, null);
    }

    @Test
    void clearingDataEmptiesTheDataDirectoryAndKeepsTheConfiguration(@TempDir Path nodeDir) throws Exception {
        Files.createDirectories(nodeDir.resolve("data/data/system"));
        Files.writeString(nodeDir.resolve("data/data/system/local.db"), "tokens");
        Files.createDirectories(nodeDir.resolve("data/commitlog"));
        Files.writeString(nodeDir.resolve("cassandra.yaml"), "cluster_name: x");

        CassandraYaml.clearData(nodeDir);

        assertThat(nodeDir.resolve("data")).doesNotExist();
        assertThat(nodeDir.resolve("cassandra.yaml")).hasContent("cluster_name: x");
    }
}

package dev.shoal.datastores.cassandra.guest;

import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.datastores.cassandra.CassandraDatastore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders a node's {@code cassandra.yaml} and {@code cassandra-rackdc.properties}: every directory under the
 * node's {@code data} directory, bound to the node's own address, the standard ports.
 */
final class CassandraYaml {

    static final int STORAGE_PORT = 7000;
    static final int NATIVE_PORT = 9042;
    static final String DEFAULT_DC = "dc1";
    static final String RACK = "rack1";

    private CassandraYaml() {
    }

    /** Cassandra refuses to join a node whose cluster name differs, so the name follows the cluster's id. */
    static String clusterName(String clusterId) {
        return CassandraDatastore.clusterName(clusterId);
    }

    static String dataCenter(ClusterMember member) {
        String region = member.region();
        return region == null || region.isBlank() ? DEFAULT_DC : region.trim();
    }

    /** Everything the server wrote under the node's data directory; its configuration stays. */
    static void clearData(Path nodeDir) throws IOException {
        Path data = nodeDir.resolve("data");
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static String render(Path nodeDir, String address, ClusterMember member) {
        Path data = nodeDir.resolve("data");
        // a cluster of one seeds itself
        String seeds = (member.seeds().isEmpty() ? List.of(address) : member.seeds()).stream()
                .map(seed -> seed.trim() + ":" + STORAGE_PORT)
                .collect(Collectors.joining(","));
        return "cluster_name: " + quote(clusterName(member.clusterId())) + "\n"
                + "num_tokens: " + CassandraDatastore.NUM_TOKENS + "\n"
                // token allocation tuned for the replication factor clusters are created with
                + "allocate_tokens_for_local_replication_factor: 3\n"
                + "partitioner: org.apache.cassandra.dht.Murmur3Partitioner\n"
                + "endpoint_snitch: " + CassandraDatastore.SNITCH + "\n"
                // no root enable yet: see CassandraManager.enableRoot
                + "authenticator: AllowAllAuthenticator\n"
                + "authorizer: AllowAllAuthorizer\n"
                + "commitlog_sync: periodic\n"
                + "commitlog_sync_period: 10000ms\n"
                + "seed_provider:\n"
                + "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider\n"
                + "    parameters:\n"
                + "      - seeds: " + quote(seeds) + "\n"
                + "listen_address: " + address + "\n"
                + "rpc_address: " + address + "\n"
                + "storage_port: " + STORAGE_PORT + "\n"
                + "native_transport_port: " + NATIVE_PORT + "\n"
                + "start_native_transport: true\n"
                + "data_file_directories:\n"
                + "  - " + quote(data.resolve("data").toString()) + "\n"
                + "commitlog_directory: " + quote(data.resolve("commitlog").toString()) + "\n"
                + "saved_caches_directory: " + quote(data.resolve("saved_caches").toString()) + "\n"
                + "hints_directory: " + quote(data.resolve("hints").toString()) + "\n"
                + "cdc_raw_directory: " + quote(data.resolve("cdc_raw").toString()) + "\n";
    }

    /** Read by GossipingPropertyFileSnitch: the node's data centre is its region. */
    static String rackDc(ClusterMember member) {
        return "dc=" + dataCenter(member) + "\nrack=" + RACK + "\n";
    }

    /** YAML single-quoted scalar: only the quote itself needs escaping. */
    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

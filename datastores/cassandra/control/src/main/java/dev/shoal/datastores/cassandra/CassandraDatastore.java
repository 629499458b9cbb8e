package dev.shoal.datastores.cassandra;

import dev.shoal.contracts.Role;
import dev.shoal.datastore.Ability;
import dev.shoal.datastore.Composition;
import dev.shoal.datastore.Datastore;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.datastore.Naming;
import dev.shoal.datastore.control.ClusterPorts;
import dev.shoal.datastore.control.ClusterStrategy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Apache Cassandra: a ring of peers, some named as seeds, that keeps as many nodes as its replication factor. */
public final class CassandraDatastore implements Datastore {

    public static final String NAME = "cassandra";
    public static final int NUM_TOKENS = 16;
    public static final String SNITCH = "GossipingPropertyFileSnitch";

    private static final DatastoreDescriptor DESCRIPTOR = new DatastoreDescriptor(NAME, "Cassandra", 9042,
            Set.of(DatastoreDescriptor.MEMBER), Set.of(Role.SEED, Role.MEMBER),
            new Composition(0, 0, false, true, false), Naming.NONE,
            Set.of(Ability.CLUSTERS, Ability.CONFIGURATION));

    @Override
    public DatastoreDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** The ring's name, the same on every node: a node with another one is refused by the others. */
    public static String clusterName(String clusterId) {
        return "shoal-" + clusterId;
    }

    @Override
    public Map<String, String> clusterSettings(String clusterId) {
        return Map.of("cluster_name", clusterName(clusterId), "num_tokens", Integer.toString(NUM_TOKENS),
                "endpoint_snitch", SNITCH);
    }

    @Override
    public Optional<ClusterStrategy> clusterStrategy(ClusterPorts ports) {
        return Optional.of(new CassandraStrategy(ports.guests(), ports.servers()));
    }
}

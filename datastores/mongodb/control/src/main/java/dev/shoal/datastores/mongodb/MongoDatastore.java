package dev.shoal.datastores.mongodb;

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

/**
 * MongoDB: a replica set whose primary its own election chooses. It keeps a member holding data and at most seven
 * voters, of which one arbiter at most: MongoDB advises against a second, whose vote holding no data lets a majority
 * form that has lost writes (and it refuses to add arbiters without a majority write concern anyway).
 */
public final class MongoDatastore implements Datastore {

    public static final String NAME = "mongodb";

    private static final DatastoreDescriptor DESCRIPTOR = new DatastoreDescriptor(NAME, "MongoDB", 27017,
            Set.of(DatastoreDescriptor.MEMBER, DatastoreDescriptor.ARBITER), Set.of(Role.PRIMARY, Role.SECONDARY, Role.ARBITER),
            new Composition(7, 1, true, false, false), Naming.NONE,
            Set.of(Ability.CLUSTERS, Ability.CONFIGURATION));

    @Override
    public DatastoreDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** The replica set's name, which every member derives alike from the cluster's id. */
    public static String replicaSetName(String clusterId) {
        String safe = clusterId.replaceAll("[^A-Za-z0-9_-]", "");
        if (safe.isEmpty()) {
            throw new IllegalArgumentException("cluster id '" + clusterId + "' gives no replica set name");
        }
        return "rs-" + safe.substring(0, Math.min(8, safe.length()));
    }

    @Override
    public Map<String, String> clusterSettings(String clusterId) {
        return Map.of("replSet", replicaSetName(clusterId));
    }

    @Override
    public Optional<ClusterStrategy> clusterStrategy(ClusterPorts ports) {
        return Optional.of(new MongoStrategy(ports.guests()));
    }
}

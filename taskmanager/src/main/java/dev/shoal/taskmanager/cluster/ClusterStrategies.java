package dev.shoal.taskmanager.cluster;

import dev.shoal.datastore.Datastore;
import dev.shoal.datastore.Datastores;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.cluster.Cluster;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The strategy of a cluster's datastore, as each installed datastore offers it. */
@Component
class ClusterStrategies {

    private final Map<String, ClusterStrategyAdapter> byManager = new HashMap<>();
    private final DatastoreVersionRepository versions;

    ClusterStrategies(ClusterStrategyPorts ports, ClusterNodes clusterNodes, DatastoreVersionRepository versions,
                      Clock clock) {
        for (Datastore datastore : Datastores.all()) {
            datastore.clusterStrategy(ports.ports()).ifPresent(strategy -> byManager.put(
                    datastore.descriptor().name(), new ClusterStrategyAdapter(strategy, clusterNodes, clock)));
        }
        this.versions = versions;
    }

    ClusterStrategyAdapter of(Cluster cluster) {
        String manager = versions.findById(cluster.getDatastoreVersionId()).orElseThrow().getDatastore().getManager();
        ClusterStrategyAdapter strategy = byManager.get(manager);
        if (strategy == null) {
            throw new IllegalStateException("no cluster strategy for datastore " + manager);
        }
        return strategy;
    }
}

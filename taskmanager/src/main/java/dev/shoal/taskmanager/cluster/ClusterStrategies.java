package dev.shoal.taskmanager.cluster;

import dev.shoal.datastore.control.ClusterStrategy;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.cluster.Cluster;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The strategy of a cluster's datastore, each named after the catalog's manager name. */
@Component
class ClusterStrategies {

    private final Map<String, ClusterStrategyAdapter> byManager = new HashMap<>();
    private final DatastoreVersionRepository versions;

    ClusterStrategies(Map<String, ClusterStrategy> strategies, ClusterNodes clusterNodes,
                      DatastoreVersionRepository versions, Clock clock) {
        strategies.forEach((manager, strategy) -> byManager.put(manager,
                new ClusterStrategyAdapter(strategy, clusterNodes, clock)));
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

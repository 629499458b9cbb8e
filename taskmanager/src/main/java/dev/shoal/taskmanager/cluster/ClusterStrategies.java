package dev.shoal.taskmanager.cluster;

import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.cluster.Cluster;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The strategy of a cluster's datastore. */
@Component
class ClusterStrategies {

    private final Map<String, ClusterStrategy> byManager;
    private final DatastoreVersionRepository versions;

    ClusterStrategies(List<ClusterStrategy> strategies, DatastoreVersionRepository versions) {
        this.byManager = strategies.stream().collect(Collectors.toMap(ClusterStrategy::manager, Function.identity()));
        this.versions = versions;
    }

    ClusterStrategy of(Cluster cluster) {
        String manager = versions.findById(cluster.getDatastoreVersionId()).orElseThrow().getDatastore().getManager();
        ClusterStrategy strategy = byManager.get(manager);
        if (strategy == null) {
            throw new IllegalStateException("no cluster strategy for datastore " + manager);
        }
        return strategy;
    }
}

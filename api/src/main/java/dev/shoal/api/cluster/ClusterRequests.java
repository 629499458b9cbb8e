package dev.shoal.api.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The seed's cluster bodies. */
final class ClusterRequests {

    private ClusterRequests() {
    }

    /** {@code {"cluster": {...}}} */
    record Create(CreateBody cluster) {
    }

    record CreateBody(String name, Datastore datastore, String configuration,
                      @JsonProperty("flavorRef") String flavorRef, Volume volume, Integer size,
                      List<Allocation> nodes) {
    }

    record Datastore(String type, String version) {
    }

    record Volume(Integer size) {
    }

    /** Where a node goes and what it is; both optional (the default region, a data-bearing member). */
    record Allocation(String region, String type) {
    }

    /** {@code {"nodes": {"num": 2, "allocations": [...]}}} */
    record AddNodes(AddBody nodes) {
    }

    record AddBody(Integer num, List<Allocation> allocations) {
    }
}

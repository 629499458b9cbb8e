package dev.shoal.api.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.system.Links;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** A cluster as the seed shows it, with every node's details inline so a dashboard needs one call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ClusterView(
        UUID id,
        String name,
        String status,
        String created,
        String updated,
        List<Links.Link> links,
        Datastore datastore,
        Reference configuration,
        Reference flavor,
        Volume volume,
        int size,
        /** Every node's address, which Trove's clients print for a cluster. */
        List<String> ip,
        List<NodeView> nodes,
        /** Trove's name for the same nodes, which its clients read. */
        List<NodeView> instances,
        /** Where clients connect, by the nodes' roles. */
        dev.shoal.api.condition.Endpoints endpoints,
        /** Its health: a replication cluster's MasterReachable, Replicating, AutoFailover; a ring's NodesUp. */
        List<dev.shoal.api.condition.Condition> conditions,
        /** Whether a replication cluster fails over by itself; absent for other clusters. */
        @JsonProperty("auto_failover") Boolean autoFailover,
        Fault fault,
        dev.shoal.api.system.TaskView task) {

    @Schema(name = "ClusterDatastore")
    record Datastore(String type, String version) {
    }

    @Schema(name = "ClusterReference")
    record Reference(String id, List<Links.Link> links) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ClusterVolume")
    record Volume(int size, Double used) {
    }

    @Schema(name = "ClusterFault")
    record Fault(String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * @param role      the part the node plays in the cluster (master, seed, primary, ...); null until it forms
     * @param restarts  how often its guest started the datastore's server again after a crash
     * @param lastCrash when the server last crashed
     */
    record NodeView(UUID id, String name, String status, List<String> ip, String type, String role,
                    Integer restarts, @JsonProperty("last_crash") String lastCrash, String region, Reference flavor,
                    Volume volume, @JsonProperty("task_description") String taskDescription, List<Links.Link> links) {
    }

}

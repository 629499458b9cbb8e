package dev.shoal.api.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.system.NoArguments;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cluster action bodies, each naming one action. Read strictly like every other body: an action or a member
 * of one that Shoal does not know is refused by name.
 */
final class ClusterActionRequests {

    private ClusterActionRequests() {
    }

    /** {@code POST /clusters/{id}}, as Trove's clients send it. */
    @Schema(name = "TroveClusterActionRequest")
    record Trove(List<GrowInstance> grow, List<NodeReference> shrink,
                 @JsonProperty("reset-status") NoArguments resetStatus, NoArguments restart) {

        long named() {
            return Stream.of(grow, shrink, resetStatus, restart).filter(action -> action != null).count();
        }
    }

    /**
     * One instance of Trove's {@code grow}: where it goes and what it is. The rest of Trove's grow schema is
     * accepted and ignored: a node always has the cluster's flavor and volume, and Shoal has no networks,
     * availability zones, modules or instance names of its own to give it.
     */
    @Schema(name = "GrowInstance")
    @JsonIgnoreProperties({"name", "flavorRef", "volume", "nics", "availability_zone", "modules", "related_to"})
    record GrowInstance(@JsonProperty("region_name") String regionName, String type) {
    }

    /** {@code POST /clusters/{id}/action}: the seed's {@code replace_node}, or a restart. */
    @Schema(name = "ClusterActionRequest")
    record Seed(NoArguments restart, @JsonProperty("replace_node") NodeReference replaceNode) {

        long named() {
            return Stream.of(restart, replaceNode).filter(action -> action != null).count();
        }
    }

    /** What can be done to one node of a cluster. */
    record NodeAction(NoArguments restart) {
    }

    @Schema(name = "ClusterNodeReference")
    record NodeReference(String id) {
    }
}

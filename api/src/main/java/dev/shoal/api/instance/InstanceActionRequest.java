package dev.shoal.api.instance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.system.FlavorReference;
import dev.shoal.api.system.NoArguments;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Trove's instance action body, one member naming the action. Read strictly like every other body: an action or a
 * member of one that Shoal does not know is refused by name.
 */
@Schema(name = "InstanceActionRequest")
record InstanceActionRequest(NoArguments detach, Replicate replicate, NoArguments restart, Resize resize,
                             @JsonProperty("promote_to_replica_source") NoArguments promoteToReplicaSource,
                             @JsonProperty("eject_replica_source") NoArguments ejectReplicaSource,
                             @JsonProperty("reset_status") NoArguments resetStatus) {

    /** The actions the body names, by their JSON names. */
    List<String> named() {
        List<String> named = new ArrayList<>();
        add(named, "detach", detach);
        add(named, "replicate", replicate);
        add(named, "restart", restart);
        add(named, "resize", resize);
        add(named, "promote_to_replica_source", promoteToReplicaSource);
        add(named, "eject_replica_source", ejectReplicaSource);
        add(named, "reset_status", resetStatus);
        return named;
    }

    private static void add(List<String> named, String name, Object action) {
        if (action != null) {
            named.add(name);
        }
    }

    /** {@code {"replicate": {"count": N}}}: N more replicas from one snapshot, one without a count. */
    @Schema(name = "ReplicateAction")
    record Replicate(Integer count) {
    }

    /** {@code {"resize": {"flavorRef": "2"}}} or {@code {"resize": {"volume": {"size": N}}}}. */
    @Schema(name = "ResizeAction")
    record Resize(@JsonProperty("flavorRef") @JsonDeserialize(using = FlavorReference.class) String flavorRef,
                  ResizeVolume volume) {
    }

    /** Trove's volume schema allows a {@code type}, which Shoal has one of. */
    @Schema(name = "ResizeVolume")
    @JsonIgnoreProperties("type")
    record ResizeVolume(Integer size) {
    }
}

package dev.shoal.api.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.system.FlavorReference;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The seed's cluster bodies. */
final class ClusterRequests {

    private ClusterRequests() {
    }

    /** {@code {"cluster": {...}}} */
    @Schema(name = "CreateClusterRequest")
    record Create(CreateBody cluster) {
    }

    /**
     * The seed's body ({@code flavorRef}, {@code volume}, {@code size}, {@code nodes}) or Trove's, as its clients send
     * it ({@code instances}, each with its own {@code flavorRef} and {@code volume}); one model underneath.
     * {@code auto_failover} (default true) says whether a replication cluster fails over by itself.
     */
    @Schema(name = "CreateClusterBody")
    @JsonIgnoreProperties({"locality", "extended_properties"})
    record CreateBody(String name, Datastore datastore, String configuration,
                      @JsonProperty("flavorRef") @JsonDeserialize(using = FlavorReference.class) String flavorRef,
                      Volume volume, Integer size,
                      List<Allocation> nodes, List<TroveInstance> instances,
                      @JsonProperty("auto_failover") Boolean autoFailover) {

        /** Trove's form in the seed's terms: every instance must ask for the same flavor and volume. */
        CreateBody normalised() {
            if (instances == null || instances.isEmpty() || nodes != null) {
                return this;
            }
            TroveInstance first = instances.get(0);
            for (int i = 1; i < instances.size(); i++) {
                TroveInstance other = instances.get(i);
                if (!java.util.Objects.equals(other.flavorRef(), first.flavorRef())
                        || !java.util.Objects.equals(other.volume(), first.volume())) {
                    throw dev.shoal.api.system.ApiException.inconsistent("cluster.instances[" + i + "]: every"
                            + " node of a cluster has the same flavor and volume", List.of(
                            new dev.shoal.api.system.ApiException.FieldProblem("cluster.instances[" + i + "]",
                                    "differs from cluster.instances[0]")));
                }
            }
            return new CreateBody(name, datastore, configuration, flavorRef == null ? first.flavorRef() : flavorRef,
                    volume == null ? first.volume() : volume, size, instances.stream()
                    .map(instance -> new Allocation(instance.regionName(), instance.type())).toList(), null,
                    autoFailover);
        }
    }

    @JsonIgnoreProperties({"nics", "availability_zone", "modules"})
    record TroveInstance(@JsonProperty("flavorRef") @JsonDeserialize(using = FlavorReference.class) String flavorRef,
                         Volume volume,
                         @JsonProperty("region_name") String regionName, String type) {
    }

    @Schema(name = "CreateClusterDatastore")
    record Datastore(String type, String version) {
    }

    @Schema(name = "CreateClusterVolume")
    @JsonIgnoreProperties("type")
    record Volume(Integer size) {
    }

    /** Where a node goes and what it is; both optional (the default region, a data-bearing member). */
    record Allocation(String region, String type) {
    }

    /**
     * {@code PATCH /clusters/{id}}: {@code {"cluster": {"auto_failover": false}}}. A map, so that each member is
     * checked by name and a wrong type is refused naming it.
     */
    @Schema(name = "UpdateClusterRequest")
    record Update(java.util.Map<String, Object> cluster) {
    }

    /** {@code {"nodes": {"num": 2, "allocations": [...]}}} */
    @Schema(name = "AddClusterNodesRequest")
    record AddNodes(AddBody nodes) {
    }

    @Schema(name = "AddClusterNodesBody")
    record AddBody(Integer num, List<Allocation> allocations) {
    }
}

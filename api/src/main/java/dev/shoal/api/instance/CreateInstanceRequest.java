package dev.shoal.api.instance;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.secgroup.RequestedAccess;
import dev.shoal.api.system.FlavorReference;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The seed's and Trove's create body: {@code {"instance": {...}}}. */
public record CreateInstanceRequest(Body instance) {

    /**
     * {@code auto_failover} (Shoal's, default true) says whether the replication set it masters fails over by itself.
     * {@code replica_of} and {@code replica_count} are Trove's form of the seed's {@code slave}; Trove's clients
     * send a replica without flavor or datastore, which then come from the master.
     */
    @Schema(name = "CreateInstanceBody")
    // members Trove's schema allows and its clients send, which Shoal does not act on (see README)
    @JsonIgnoreProperties({"availability_zone", "nics", "modules", "region_name", "locality", "databases", "users"})
    public record Body(String name, Datastore datastore,
                @JsonProperty("flavorRef") @JsonDeserialize(using = FlavorReference.class) String flavorRef,
                Volume volume, @JsonAlias("configuration_id") String configuration, Slave slave,
                @JsonProperty("replica_of") String replicaOf,
                @JsonProperty("replica_count") Integer replicaCount, Access access,
                @JsonProperty("restorePoint") RestorePoint restorePoint,
                @JsonProperty("auto_failover") Boolean autoFailover) {

        /** The replication asked for in either form, or null for a standalone instance. */
        public Slave replication() {
            return slave != null ? slave : replicaOf != null ? new Slave(replicaOf, true) : null;
        }

        /** The access asked for, or null when the request says nothing of it (the default). */
        public RequestedAccess requestedAccess() {
            return access == null ? null : access.requested(new java.util.ArrayList<>());
        }
    }

    /** Trove's access: the node's security group (see {@link RequestedAccess}). */
    public record Access(@JsonProperty("is_public") Boolean isPublic,
                  @JsonProperty("allowed_cidrs") java.util.List<String> allowedCidrs) {

        /** Checked already by the validator; problems are added under {@code instance.access}. */
        RequestedAccess requested(java.util.List<dev.shoal.api.system.ApiException.FieldProblem> problems) {
            return RequestedAccess.of("instance.access", isPublic, allowedCidrs, problems);
        }
    }

    /** Trove's restore: the instance is built from this backup's data. */
    public record RestorePoint(@JsonProperty("backupRef") String backupRef) {
    }

    /** The seed's replica request: a read-only slave of another MySQL instance. */
    @Schema(name = "CreateInstanceSlave")
    public record Slave(String of, @JsonProperty("read_only") Boolean readOnly) {
    }

    @Schema(name = "CreateInstanceDatastore")
    @JsonIgnoreProperties("version_number")
    public record Datastore(String type, String version) {
    }

    @Schema(name = "CreateInstanceVolume")
    @JsonIgnoreProperties("type")
    public record Volume(Integer size) {
    }
}

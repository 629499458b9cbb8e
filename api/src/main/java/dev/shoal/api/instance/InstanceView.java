package dev.shoal.api.instance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.system.Links;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** An instance as Trove shows it, plus the task that is (or last was) working on it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InstanceView(
        UUID id,
        String name,
        String status,
        @JsonProperty("operating_status") String operatingStatus,
        List<String> ip,
        /** Trove's newer form of {@code ip}, which its clients print as the instance's addresses. */
        List<Address> addresses,
        dev.shoal.api.secgroup.AccessView access,
        Volume volume,
        Datastore datastore,
        Reference flavor,
        Reference configuration,
        /** Set on a cluster's node, which Trove's clients address as an instance. */
        @JsonProperty("cluster_id") UUID clusterId,
        String type,
        /** The part its node plays in its replica set or cluster: {@code master}, {@code replica}, ... */
        String role,
        /** Where clients connect: its set's master takes writes, its replicas serve reads. */
        dev.shoal.api.condition.Endpoints endpoints,
        /** Its replication set's health (MasterReachable, Replicating, AutoFailover); absent when it has none. */
        List<dev.shoal.api.condition.Condition> conditions,
        /** Whether its replication set fails over by itself; absent for a datastore without a master. */
        @JsonProperty("auto_failover") Boolean autoFailover,
        /** How often its guest started the datastore's server again after a crash, and when it last crashed. */
        Integer restarts,
        @JsonProperty("last_crash") String lastCrash,
        String region,
        String created,
        String updated,
        List<Links.Link> links,
        Fault fault,
        Slave slave,
        /** Trove's names for the seed's {@code slave.of} and {@code slave.list}: one model, both shown. */
        @JsonProperty("replica_of") Replica replicaOf,
        List<Replica> replicas,
        dev.shoal.api.system.TaskView task,
        @JsonProperty("task_description") String taskDescription,
        /** When its node's last heartbeat goes stale, and the view with it; never shown. */
        @JsonIgnore java.time.Instant heardUntil) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "InstanceVolume")
    record Volume(int size, Double used) {
    }

    record Address(String address, String type) {
    }

    @Schema(name = "InstanceDatastore")
    record Datastore(String type, String version) {
    }

    @Schema(name = "InstanceReference")
    record Reference(String id, List<Links.Link> links) {
    }

    @Schema(name = "InstanceFault")
    record Fault(String message, String created) {
    }

    /** The seed's replication section: {@code of} on a replica, {@code list} on a master. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "InstanceReplication")
    record Slave(UUID of, @JsonProperty("read_only") Boolean readOnly, List<Replica> list) {
    }

    record Replica(UUID id, List<Links.Link> links) {
    }

}

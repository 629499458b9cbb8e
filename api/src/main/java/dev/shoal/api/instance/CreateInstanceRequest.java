package dev.shoal.api.instance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The seed's and Trove's create body: {@code {"instance": {...}}}. */
record CreateInstanceRequest(Body instance) {

    /**
     * {@code replica_of} and {@code replica_count} are Trove's form of the seed's {@code slave}; Trove's clients
     * send a replica without flavor or datastore, which then come from the master.
     */
    record Body(String name, Datastore datastore, @JsonProperty("flavorRef") String flavorRef, Volume volume,
                String configuration, Slave slave, @JsonProperty("replica_of") String replicaOf,
                @JsonProperty("replica_count") Integer replicaCount, Access access,
                @JsonProperty("restorePoint") RestorePoint restorePoint) {

        /** The replication asked for in either form, or null for a standalone instance. */
        Slave replication() {
            return slave != null ? slave : replicaOf != null ? new Slave(replicaOf, true) : null;
        }
    }

    record Access(@JsonProperty("is_public") Boolean isPublic) {
    }

    /** Trove's restore: the instance is built from this backup's data. */
    record RestorePoint(@JsonProperty("backupRef") String backupRef) {
    }

    /** The seed's replica request: a read-only slave of another MySQL instance. */
    record Slave(String of, @JsonProperty("read_only") Boolean readOnly) {
    }

    record Datastore(String type, String version) {
    }

    record Volume(Integer size) {
    }
}

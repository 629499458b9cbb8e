package dev.shoal.api.instance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The seed's and Trove's create body: {@code {"instance": {...}}}. */
record CreateInstanceRequest(Body instance) {

    record Body(String name, Datastore datastore, @JsonProperty("flavorRef") String flavorRef, Volume volume,
                String configuration, Slave slave) {
    }

    /** The seed's replica request: a read-only slave of another MySQL instance. */
    record Slave(String of, @JsonProperty("read_only") Boolean readOnly) {
    }

    record Datastore(String type, String version) {
    }

    record Volume(Integer size) {
    }
}

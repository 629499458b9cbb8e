package dev.shoal.api.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * A backup as Trove shows it ({@code size} in GB), with the tenant as Trove's clients list it, the dump's
 * checksum, and why it failed when it did.
 */
record BackupView(
        UUID id,
        String name,
        String description,
        @JsonProperty("locationRef") String locationRef,
        @JsonProperty("instance_id") UUID instanceId,
        String created,
        String updated,
        Double size,
        String status,
        @JsonProperty("parent_id") UUID parentId,
        Datastore datastore,
        @JsonProperty("project_id") String projectId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String checksum,
        @JsonInclude(JsonInclude.Include.NON_NULL) Fault fault) {

    @Schema(name = "BackupDatastore")
    record Datastore(String type, String version, @JsonProperty("version_id") UUID versionId) {
    }

    @Schema(name = "BackupFault")
    record Fault(String message, String created) {
    }
}

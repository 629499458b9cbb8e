package dev.shoal.api.backup;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * Trove's backup create body, as python-troveclient sends it: {@code {"backup": {"name", "instance",
 * "description", "incremental": 0}}}, with the fields of what Shoal does not offer (incremental backups, Swift
 * containers, backups imported from elsewhere) read so they can be refused by name.
 */
record CreateBackupRequest(Body backup) {

    @Schema(name = "CreateBackupBody")
    record Body(String name, String instance, String description, @JsonProperty("parent_id") String parentId,
                JsonNode incremental, @JsonProperty("swift_container") String swiftContainer,
                @JsonProperty("restore_from") JsonNode restoreFrom) {
    }
}

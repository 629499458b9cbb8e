package dev.shoal.api.instance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * {@code PUT /instances/{id}}: {@code {"instance": {...}}}, nothing beside it. The instance's members stay a map
 * because an explicit {@code null} means something there ({@code "configuration": null} detaches the group,
 * {@code "replica_of": null} the replica) that an absent member does not; {@link InstanceUpdate} refuses the
 * members it does not know.
 */
@Schema(name = "UpdateInstanceRequest")
record UpdateInstanceRequest(Map<String, Object> instance) {
}

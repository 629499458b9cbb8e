package dev.shoal.api.configuration;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.system.Links;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A configuration group as Trove shows it. */
record ConfigurationView(
        UUID id,
        String name,
        String description,
        Map<String, Object> values,
        @JsonProperty("datastore_name") String datastoreName,
        @JsonProperty("datastore_version_id") UUID datastoreVersionId,
        @JsonProperty("datastore_version_name") String datastoreVersionName,
        @JsonProperty("instance_count") int instanceCount,
        String created,
        String updated,
        List<Links.Link> links) {
}

package dev.shoal.api.configuration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** Trove's configuration group bodies: {@code {"configuration": {...}}}. */
final class ConfigurationRequests {

    private ConfigurationRequests() {
    }

    @Schema(name = "ConfigurationRequest")
    record Envelope(Body configuration) {
    }

    /** Values arrive as JSON numbers, booleans or strings; each is checked against its parameter's type. */
    @Schema(name = "ConfigurationBody")
    record Body(String name, String description, Map<String, Object> values, Datastore datastore) {
    }

    @Schema(name = "ConfigurationDatastore")
    @JsonIgnoreProperties("version_number")
    record Datastore(String type, String version) {
    }
}

package dev.shoal.api.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Trove's body: {@code {"databases": [{"name", "character_set", "collate"}]}}. */
record CreateDatabasesRequest(List<Body> databases) {

    @Schema(name = "CreateDatabaseBody")
    record Body(String name, @JsonProperty("character_set") String characterSet, String collate) {
    }
}

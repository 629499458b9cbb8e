package dev.shoal.api.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Trove's body: {@code {"databases": [{"name", "character_set", "collate"}]}}. */
record CreateDatabasesRequest(List<Body> databases) {

    record Body(String name, @JsonProperty("character_set") String characterSet, String collate) {
    }
}

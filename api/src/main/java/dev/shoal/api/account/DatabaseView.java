package dev.shoal.api.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.domain.account.InstanceDatabase;

/** Trove's database: its name, with the character set and collation it was made with. */
record DatabaseView(String name, @JsonProperty("character_set") String characterSet, String collate) {

    static DatabaseView of(InstanceDatabase database) {
        return new DatabaseView(database.getName(), database.getCharacterSet(), database.getCollate());
    }
}

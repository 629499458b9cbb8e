package dev.shoal.domain.backup;

import java.util.List;

/**
 * The databases and users Shoal held for an instance when its backup was taken: the dump holds them, so an
 * instance restored from it lists them as its own.
 */
public record BackupContents(List<Database> databases, List<User> users) {

    public BackupContents {
        databases = databases == null ? List.of() : List.copyOf(databases);
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record Database(String name, String characterSet, String collate) {
    }

    public record User(String name, String host, List<String> databases) {

        public User {
            databases = databases == null ? List.of() : List.copyOf(databases);
        }
    }
}

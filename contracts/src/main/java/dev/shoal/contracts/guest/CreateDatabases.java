package dev.shoal.contracts.guest;

import java.util.List;

/** Trove's {@code create_database}: each database is created unless it exists. */
public record CreateDatabases(List<DatabaseSchema> databases) {

    public CreateDatabases {
        databases = List.copyOf(databases);
    }
}

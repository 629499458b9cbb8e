package dev.shoal.migrations;

import org.flywaydb.core.Flyway;

/**
 * Migrates the database named by {@code SHOAL_DB_URL}, {@code SHOAL_DB_USER} and {@code SHOAL_DB_PASSWORD}
 * to the newest schema; the Helm chart runs it as a Job before the services start.
 */
public final class MigrateDatabase {

    private MigrateDatabase() {
    }

    public static void main(String[] args) {
        String url = require("SHOAL_DB_URL");
        String user = System.getenv().getOrDefault("SHOAL_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("SHOAL_DB_PASSWORD", "");
        var result = Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        System.out.printf("schema at version %s (%d migrations applied)%n", result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    private static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            System.err.println(name + " is not set: give the JDBC URL of the Shoal database");
            System.exit(2);
        }
        return value;
    }
}

package dev.shoal.datastores.postgresql.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The catalog's parameter definitions of each PostgreSQL version are what that version's own {@code pg_settings}
 * says: type, range, allowed values and whether a restart applies them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresqlCatalogIT {

    private static final Path MIGRATION = Path.of("..", "..", "..", "db-migrations", "src", "main", "resources", "db",
            "migration", "V26__postgresql.sql");
    private static final Pattern ROW = Pattern.compile("\\('([0-9a-f-]+)', '([a-z_]+)', '(\\w+)', (null|-?\\d+),"
            + " (null|-?\\d+), (null|'[^']*'), (true|false)");

    private PostgresqlTestNodes nodes;

    @BeforeAll
    void work() throws Exception {
        nodes = new PostgresqlTestNodes();
    }

    @AfterAll
    void stopEverything() throws Exception {
        nodes.close();
    }

    @ParameterizedTest
    @CsvSource({"15, 127.0.88.3, 7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a41",
                "18, 127.0.88.4, 7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a42"})
    void theCatalogDescribesEachParameterAsTheVersionItselfDoes(String version, String address, String versionId)
            throws Exception {
        Map<String, PostgresqlParameter> catalog = catalog(versionId);
        assertThat(catalog).isNotEmpty();
        PostgresqlManager manager = nodes.prepared(address, version);

        Map<String, PostgresqlParameter> server;
        try (Connection connection = new PostgresqlAdmin(nodes.work().resolve(address), address).connect()) {
            server = PostgresqlOverrides.describe(connection, List.copyOf(catalog.keySet()));
        }

        assertThat(server.keySet()).isEqualTo(catalog.keySet());
        server.forEach((name, described) -> assertThat(catalog.get(name)).as(name).usingRecursiveComparison()
                .comparingOnlyFields("type", "min", "max", "allowedValues", "restartRequired").isEqualTo(described));
    }

    private static Map<String, PostgresqlParameter> catalog(String versionId) throws Exception {
        Map<String, PostgresqlParameter> rows = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(MIGRATION));
        while (row.find()) {
            if (row.group(1).equals(versionId)) {
                String allowed = row.group(6).equals("null") ? null : row.group(6).replace("'", "");
                rows.put(row.group(2), new PostgresqlParameter(row.group(2), row.group(3), number(row.group(4)),
                        number(row.group(5)), allowed == null ? List.of() : List.of(allowed.split(",")),
                        Boolean.parseBoolean(row.group(7)), null, null));
            }
        }
        return rows;
    }

    private static Long number(String value) {
        return value.equals("null") ? null : Long.valueOf(value);
    }
}

package dev.shoal.datastores.postgresql.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresqlNamesTest {

    @Test
    void takesAnyIdentifierUpTo63Bytes() {
        assertThat(PostgresqlNames.database("Shop \"main\"")).isEqualTo("Shop \"main\"");
        assertThat(PostgresqlNames.user("a".repeat(63))).hasSize(63);
    }

    @Test
    void refusesNamesPostgresqlWouldCutShortOrCannotHold() {
        assertThatThrownBy(() -> PostgresqlNames.database("a".repeat(64))).hasMessageContaining("63 at most");
        assertThatThrownBy(() -> PostgresqlNames.user("é".repeat(32))).hasMessageContaining("64 bytes long");
        assertThatThrownBy(() -> PostgresqlNames.user("a\0b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> PostgresqlNames.database("")).hasMessageContaining("name is needed");
    }

    @Test
    void refusesTheServersAndTheGuestsOwnNames() {
        assertThatThrownBy(() -> PostgresqlNames.database("template0")).hasMessageContaining("PostgreSQL's own");
        assertThatThrownBy(() -> PostgresqlNames.database("postgres")).hasMessageContaining("PostgreSQL's own");
        assertThatThrownBy(() -> PostgresqlNames.user("os_admin")).hasMessageContaining("kept");
        assertThatThrownBy(() -> PostgresqlNames.user("pg_monitor")).hasMessageContaining("beginning pg_");
    }

    @Test
    void rolesAreNotBoundToAHost() {
        PostgresqlNames.anyHost("app", "%");
        PostgresqlNames.anyHost("app", null);
        assertThatThrownBy(() -> PostgresqlNames.anyHost("app", "localhost")).hasMessageContaining("any host");
    }
}

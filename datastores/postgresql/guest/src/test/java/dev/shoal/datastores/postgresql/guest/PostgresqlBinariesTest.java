package dev.shoal.datastores.postgresql.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresqlBinariesTest {

    @Test
    void aVersionIsItsMajor() {
        assertThat(PostgresqlBinaries.major("15")).isEqualTo("15");
        assertThat(PostgresqlBinaries.major("18.1")).isEqualTo("18");
        assertThatThrownBy(() -> PostgresqlBinaries.major("15; rm -rf /")).hasMessageContaining("numbers");
        assertThatThrownBy(() -> PostgresqlBinaries.major(null)).hasMessageContaining("numbers");
    }

    @Test
    void readsTheMajorThatPostgresSays() {
        assertThat(PostgresqlBinaries.parseMajor("postgres (PostgreSQL) 18.1")).isEqualTo("18");
        assertThat(PostgresqlBinaries.parseMajor("postgres (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)"))
                .isEqualTo("15");
    }

    @Test
    void aConfiguredDirectoryWithoutPostgresIsNamedInTheError(@TempDir Path empty) {
        assertThatThrownBy(() -> PostgresqlBinaries.locate("15", Optional.of(empty), empty,
                new PostgresqlBundle(empty))).hasMessageContaining("postgresql.15.bin").hasMessageContaining(
                        empty.toString());
    }
}

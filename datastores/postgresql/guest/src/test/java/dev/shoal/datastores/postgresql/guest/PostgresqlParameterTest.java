package dev.shoal.datastores.postgresql.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresqlParameterTest {

    @Test
    void anIntegerKeepsItsRangeInItsBaseUnit() {
        PostgresqlParameter workMem = PostgresqlParameter.of("work_mem", "integer", "64", "2147483647", null, "user",
                "kB", "Sets the maximum memory to be used for query workspaces.");

        assertThat(workMem.type()).isEqualTo("integer");
        assertThat(workMem.min()).isEqualTo(64L);
        assertThat(workMem.max()).isEqualTo(2147483647L);
        assertThat(workMem.restartRequired()).isFalse();
    }

    @Test
    void anEnumIsAStringOfItsValuesAndAPostmasterSettingWaitsForARestart() {
        PostgresqlParameter walLevel = PostgresqlParameter.of("wal_level", "enum", null, null,
                List.of("minimal", "replica", "logical"), "postmaster", null, "Sets the level of WAL.");

        assertThat(walLevel.type()).isEqualTo("string");
        assertThat(walLevel.allowedValues()).containsExactly("minimal", "replica", "logical");
        assertThat(walLevel.restartRequired()).isTrue();
    }

    @Test
    void aRealIsAStringWithoutRangeAndABoolIsABoolean() {
        assertThat(PostgresqlParameter.of("random_page_cost", "real", "0", "1.79769e+308", null, "user", null, "")
                .min()).isNull();
        assertThat(PostgresqlParameter.of("jit", "bool", null, null, null, "user", null, "").type())
                .isEqualTo("boolean");
    }
}

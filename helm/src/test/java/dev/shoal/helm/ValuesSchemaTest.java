package dev.shoal.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json refuses what would render a broken release, and Helm's message names the field. */
class ValuesSchemaTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "replicas-below-one.yaml      | at '/taskmanager/replicas': minimum: got 0, want 1",
        "database-host-missing.yaml   | at '/postgresql': missing property 'host'",
        "database-host-empty.yaml     | at '/postgresql/host': minLength: got 0, want 1",
        "secret-ref-without-key.yaml  | at '/rabbitmq/management/passwordSecret': properties 'key' required",
        "unknown-top-level-key.yaml   | at '': additional properties 'replicaCount' not allowed",
        "plain-password.yaml          | at '/postgresql': additional properties 'password' not allowed",
    })
    void refusesBadValuesNamingTheField(String valuesFile, String message) {
        assertThatThrownBy(() -> ShoalChart.template("invalid/" + valuesFile))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(message);
    }
}

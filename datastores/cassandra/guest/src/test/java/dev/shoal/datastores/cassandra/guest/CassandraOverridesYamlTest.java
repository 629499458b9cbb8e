package dev.shoal.datastores.cassandra.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.guest.ClusterMember;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CassandraOverridesYamlTest {

    private static final String GENERATED = CassandraYaml.render(Path.of("/var/lib/shoal/nodes/n1"), "10.0.0.3",
            new ClusterMember("c-42", ClusterMember.TYPE_MEMBER, null, List.of("10.0.0.1"), null));

    @Test
    void valuesFollowTheGeneratedSettingsWithCassandra5Units() {
        String yaml = CassandraOverridesYaml.render(GENERATED, Map.of("compaction_throughput", "128",
                "read_request_timeout", "4000", "concurrent_reads", "16"));

        assertThat(yaml).startsWith(GENERATED).endsWith(CassandraOverridesYaml.MARKER + "\n"
                + "compaction_throughput: 128MiB/s\n"
                + "concurrent_reads: 16\n"
                + "read_request_timeout: 4000ms\n");
    }

    @Test
    void renderingAgainReplacesTheFormerValuesAndKeepsTheGeneratedPart() {
        String first = CassandraOverridesYaml.render(GENERATED, Map.of("compaction_throughput", "128",
                "concurrent_writes", "48"));

        String second = CassandraOverridesYaml.render(first, Map.of("stream_throughput_outbound", "12"));

        assertThat(second).isEqualTo(GENERATED + CassandraOverridesYaml.MARKER + "\n"
                + "stream_throughput_outbound: 12MiB/s\n");
    }

    @Test
    void noValuesLeaveTheGeneratedFileAsItIs() {
        String configured = CassandraOverridesYaml.render(GENERATED, Map.of("concurrent_reads", "16"));

        assertThat(CassandraOverridesYaml.render(configured, Map.of())).isEqualTo(GENERATED);
    }

    @Test
    void aValueForASettingShoalGeneratesIsLeftOut() {
        String yaml = CassandraOverridesYaml.render(GENERATED, Map.of("cluster_name", "other", "num_tokens", "256",
                "concurrent_reads", "16"));

        assertThat(yaml).containsOnlyOnce("cluster_name:").containsOnlyOnce("num_tokens:")
                .contains("cluster_name: 'shoal-c-42'\n", "num_tokens: 16\n").endsWith("concurrent_reads: 16\n");
    }

    @Test
    void theValuesWrittenAreReadBackWithoutUnits() {
        Map<String, String> values = Map.of("compaction_throughput", "128", "write_request_timeout", "1500",
                "concurrent_reads", "16", "some_new_option", "it's");

        assertThat(CassandraOverridesYaml.values(CassandraOverridesYaml.render(GENERATED, values)))
                .isEqualTo(values);
        assertThat(CassandraOverridesYaml.values(GENERATED)).isEmpty();
    }

    @Test
    void settingsUnknownToTheGuestAreWrittenAsPlainOrQuotedScalars() {
        String yaml = CassandraOverridesYaml.render(GENERATED, Map.of("a_number", "7", "a_flag", "true",
                "a_text", "x: y"));

        assertThat(yaml).contains("a_number: 7\n", "a_flag: true\n", "a_text: 'x: y'\n");
    }

    @Test
    void aNameThatIsNotAYamlSettingIsRefused() {
        assertThatThrownBy(() -> CassandraOverridesYaml.render(GENERATED, Map.of("x: 1\nauthenticator", "y")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersAreComparedAsNumbers() {
        assertThat(CassandraOverrides.same("64", "64")).isTrue();
        assertThat(CassandraOverrides.same("64", "64.0")).isTrue();
        assertThat(CassandraOverrides.same("64", "65")).isFalse();
        assertThat(CassandraOverrides.same("64", null)).isFalse();
    }
}

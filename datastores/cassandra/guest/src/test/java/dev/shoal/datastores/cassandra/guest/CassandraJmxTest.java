package dev.shoal.datastores.cassandra.guest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.guest.ClusterStatus.Member;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraJmxTest {

    @Test
    void endpointsBecomeBareAddresses() {
        assertThat(CassandraJmx.normalise("127.0.5.1:7000")).isEqualTo("127.0.5.1");
        assertThat(CassandraJmx.normalise("/127.0.5.1")).isEqualTo("127.0.5.1");
        assertThat(CassandraJmx.normalise("127.0.5.1")).isEqualTo("127.0.5.1");
        assertThat(CassandraJmx.normalise("[::1]:7000")).isEqualTo("::1");
    }

    @Test
    void membersCarryNodetoolStatesAndOnlyUpNormalIsHealthy() {
        var status = CassandraJmx.toStatus(
                List.of("127.0.5.1:7000", "127.0.5.2:7000", "127.0.5.4:7000", "127.0.5.5:7000"),
                List.of("/127.0.5.3"), List.of("127.0.5.4"), List.of("127.0.5.5"), List.of());

        assertThat(status.members()).containsExactly(
                new Member("127.0.5.1", "UN", true),
                new Member("127.0.5.2", "UN", true),
                new Member("127.0.5.3", "DN", false),
                new Member("127.0.5.4", "UJ", false),
                new Member("127.0.5.5", "UL", false));
    }
}

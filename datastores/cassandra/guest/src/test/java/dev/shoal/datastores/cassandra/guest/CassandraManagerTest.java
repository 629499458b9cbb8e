package dev.shoal.datastores.cassandra.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.GuestDatastores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraManagerTest {

    @TempDir
    Path nodeDir;

    @Test
    void isTheManagerOfCassandraGuests() {
        assertThat(GuestDatastores.forConfig(config(Map.of("datastore.manager", "cassandra"))))
                .isInstanceOf(CassandraManager.class);
    }

    @Test
    void refusesAPrepareWithoutClusterBeforeTouchingAnything() {
        CassandraManager manager = new CassandraManager(config(Map.of()));

        assertThatThrownBy(() -> manager.prepare(new Prepare("cassandra", "5.0", 2048, 1, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cluster");
        assertThat(manager.status()).isEqualTo(ServiceStatus.NEW);
        assertThat(nodeDir).isEmptyDirectory();
    }

    @Test
    void refusesAnotherDatastoresPrepare() {
        CassandraManager manager = new CassandraManager(config(Map.of()));

        assertThatThrownBy(() -> manager.prepare(new Prepare("mysql", "10.11", 2048, 1, null,
                CassandraYamlTest.member(List.of(), null)))).hasMessageContaining("not mysql");
    }

    @Test
    void rootEnableIsNotSupportedWhileNodesRunWithoutAuthentication() {
        assertThatThrownBy(() -> new CassandraManager(config(Map.of())).enableRoot("pw"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("AllowAllAuthenticator");
    }

    @Test
    void aMalformedStartTimeoutIsNamed() {
        assertThatThrownBy(() -> new CassandraManager(config(Map.of("cassandra.start-timeout", "5 minutes"))))
                .hasMessageContaining("cassandra.start-timeout");
    }

    @Test
    void aNodeNeverPreparedHasNoVolumeAndNothingToResume() throws Exception {
        CassandraManager manager = new CassandraManager(config(Map.of()));

        manager.resume();

        assertThat(manager.volumeTotalBytes()).isNull();
        assertThat(manager.status()).isEqualTo(ServiceStatus.NEW);
    }

    private GuestConfig config(Map<String, String> settings) {
        return new GuestConfig("n1", NodeSecret.generate(), "127.0.5.200", nodeDir, "amqp://unused",
                Duration.ofSeconds(10), settings);
    }
}

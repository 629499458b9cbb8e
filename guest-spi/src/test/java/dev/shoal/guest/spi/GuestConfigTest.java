package dev.shoal.guest.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.NodeSecret;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class GuestConfigTest {

    @Test
    void readsTheDriversProperties() {
        GuestConfig config = GuestConfig.from(valid(), "guest.properties");
        assertThat(config.nodeId()).isEqualTo("n1");
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.toString()).doesNotContain(config.secret().value());
    }

    @Test
    void snapshotStoreDefaultsToADirectoryBesideTheNode() {
        GuestConfig config = GuestConfig.from(valid(), "guest.properties");
        assertThat(config.datastore()).isEqualTo("cassandra");
        assertThat(config.snapshotDir()).isEqualTo(java.nio.file.Path.of("/tmp/.snapshots"));
        assertThat(config.settings()).doesNotContainKey("node.secret");
    }

    @Test
    void refusesANodeThatNamesNoDatastore() {
        Properties properties = valid();
        properties.remove("datastore.manager");
        assertThatThrownBy(() -> GuestConfig.from(properties, "g.properties"))
                .hasMessage("g.properties: datastore.manager is missing");
        GuestConfig built = new GuestConfig("n1", NodeSecret.generate(), "127.0.1.5", java.nio.file.Path.of("/tmp/n1"),
                "amqp://127.0.0.1", Duration.ofSeconds(1));
        assertThatThrownBy(built::datastore).hasMessageContaining("datastore.manager is missing");
    }

    @Test
    void keepsDatastoreSettingsTheDriverWrote() {
        Properties properties = valid();
        properties.setProperty("cassandra.lib", "/opt/cassandra/lib");
        properties.setProperty("snapshot.dir", "/srv/snapshots");
        GuestConfig config = GuestConfig.from(properties, "guest.properties");
        assertThat(config.datastore()).isEqualTo("cassandra");
        assertThat(config.setting("cassandra.lib")).contains("/opt/cassandra/lib");
        assertThat(config.snapshotDir()).isEqualTo(java.nio.file.Path.of("/srv/snapshots"));
        assertThatThrownBy(() -> GuestDatastores.forConfig(GuestConfig.from(withManager("oracle"), "g")))
                .hasMessageContaining("no datastore manager named 'oracle'");
    }

    private static Properties withManager(String manager) {
        Properties properties = valid();
        properties.setProperty("datastore.manager", manager);
        return properties;
    }

    @Test
    void namesWhatIsMissingOrMalformed() {
        Properties missing = valid();
        missing.remove("node.address");
        assertThatThrownBy(() -> GuestConfig.from(missing, "g.properties")).hasMessage("g.properties: node.address"
                + " is missing");
        Properties badInterval = valid();
        badInterval.setProperty("heartbeat.interval", "10 seconds");
        assertThatThrownBy(() -> GuestConfig.from(badInterval, "g.properties")).hasMessageContaining("PT10S");
    }

    private static Properties valid() {
        Properties properties = new Properties();
        properties.setProperty("node.id", "n1");
        properties.setProperty("node.secret", NodeSecret.generate().value());
        properties.setProperty("node.address", "127.0.1.5");
        properties.setProperty("node.dir", "/tmp/n1");
        properties.setProperty("amqp.uri", "amqp://guest:guest@127.0.0.1:5672");
        properties.setProperty("heartbeat.interval", "PT2S");
        properties.setProperty("datastore.manager", "cassandra");
        return properties;
    }
}

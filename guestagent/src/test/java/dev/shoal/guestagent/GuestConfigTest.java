package dev.shoal.guestagent;

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
        assertThat(config.mariadbd()).isEmpty();
        assertThat(config.toString()).doesNotContain(config.secret().value());
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
        return properties;
    }
}

package dev.shoal.guestagent.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Address;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerAddressFileTest {

    private static final String GUEST_PROPERTIES_URI = "amqp://old:old-pw@127.0.0.1:5672/shoal";

    @TempDir
    Path nodeDir;

    @Test
    void readsEveryPartOfTheUriTheControlPlaneWrote() throws IOException {
        write("amqp://shoal:s%40cret@10.0.0.5:5673/shoal%2Fprod");

        BrokerAddress broker = brokers().read();

        assertThat(broker.host()).isEqualTo("10.0.0.5");
        assertThat(broker.port()).isEqualTo(5673);
        assertThat(broker.username()).isEqualTo("shoal");
        assertThat(broker.password()).isEqualTo("s@cret");
        assertThat(broker.virtualHost()).isEqualTo("shoal/prod");
        assertThat(broker.tls()).isFalse();
        assertThat(broker.toString()).isEqualTo("amqp://10.0.0.5:5673/shoal/prod").doesNotContain("s@cret");
    }

    @Test
    void aNodeWithoutTheFileUsesTheUriOfItsGuestProperties() {
        BrokerAddress broker = brokers().read();

        assertThat(broker.uri()).isEqualTo(GUEST_PROPERTIES_URI);
        assertThat(broker.username()).isEqualTo("old");
        assertThat(broker.virtualHost()).isEqualTo("shoal");
    }

    @Test
    void aMalformedFileKeepsTheLastGoodAddress() throws IOException {
        BrokerAddressFile brokers = brokers();
        write("amqp://shoal:pw@10.0.0.5:5673/shoal");
        BrokerAddress good = brokers.read();

        write("http://10.0.0.6/shoal");
        assertThat(brokers.read()).isEqualTo(good);
        Files.writeString(nodeDir.resolve(BrokerAddressFile.FILE_NAME), "amqp.uri=\\u12");
        assertThat(brokers.read()).isEqualTo(good);
        Files.writeString(nodeDir.resolve(BrokerAddressFile.FILE_NAME), "something.else=1\n");
        assertThat(brokers.read()).isEqualTo(good);
        write("amqp://shoal:pw@:notaport/shoal");
        assertThat(brokers.read()).isEqualTo(good);
    }

    @Test
    void aMalformedFirstFileKeepsTheGuestPropertiesUri() throws IOException {
        write("not a uri");

        assertThat(brokers().read().uri()).isEqualTo(GUEST_PROPERTIES_URI);
    }

    @Test
    void theResolverReadsTheFileAgainOnEveryCallAndTheCredentialsFollowIt() throws IOException {
        BrokerAddressFile brokers = brokers();
        write("amqp://first:pw-1@127.0.0.1:15001/shoal");
        assertThat(brokers.getAddresses()).containsExactly(new Address("127.0.0.1", 15001));
        assertThat(brokers.getUsername()).isEqualTo("first");
        assertThat(brokers.getPassword()).isEqualTo("pw-1");

        write("amqp://second:pw-2@127.0.0.2:15002/shoal");
        assertThat(brokers.getAddresses()).containsExactly(new Address("127.0.0.2", 15002));
        assertThat(brokers.getUsername()).isEqualTo("second");
        assertThat(brokers.getPassword()).isEqualTo("pw-2");

        Files.delete(nodeDir.resolve(BrokerAddressFile.FILE_NAME));
        assertThat(brokers.getAddresses()).containsExactly(new Address("127.0.0.1", 5672));
        assertThat(brokers.getUsername()).isEqualTo("old");
    }

    @Test
    void aGuestPropertiesUriThatIsNotAnAmqpUriIsRefusedAtOnce() {
        assertThatThrownBy(() -> new BrokerAddressFile(nodeDir, "http://host/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private BrokerAddressFile brokers() {
        return new BrokerAddressFile(nodeDir, GUEST_PROPERTIES_URI);
    }

    /** As the control plane writes it: a properties file, so the URI's colons are escaped. */
    private void write(String uri) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(BrokerAddressFile.URI_KEY, uri);
        try (Writer writer = Files.newBufferedWriter(nodeDir.resolve(BrokerAddressFile.FILE_NAME))) {
            properties.store(writer, null);
        }
    }
}

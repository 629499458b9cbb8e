package dev.shoal.guestagent.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Address;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.guest.spi.GuestConfig;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
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

    /**
     * As the kubelet updates a Secret mounted as a directory: the file is a link through {@code ..data} to a
     * timestamped directory, and an update swaps {@code ..data} to a new one at once.
     */
    @Test
    void followsTheFileGuestPropertiesNamesAcrossAnUpdateOfItsMountedSecret() throws IOException {
        Path secretDir = Files.createDirectory(nodeDir.resolve("secret"));
        Path first = Files.createDirectory(secretDir.resolve("..2026_12_07_08_00_00.1"));
        writeTo(first, "amqp://shoal:pw@10.0.0.5:5672/shoal");
        Files.createSymbolicLink(secretDir.resolve("..data"), first.getFileName());
        Files.createSymbolicLink(secretDir.resolve(BrokerAddressFile.FILE_NAME),
                Path.of("..data", BrokerAddressFile.FILE_NAME));
        write("amqp://shoal:pw@10.0.0.9:5672/shoal");
        BrokerAddressFile brokers = BrokerAddressFile.of(new GuestConfig("node-1", NodeSecret.generate(),
                "127.0.0.1", nodeDir, GUEST_PROPERTIES_URI, Duration.ofSeconds(10),
                Map.of(BrokerAddressFile.FILE_SETTING, secretDir.resolve(BrokerAddressFile.FILE_NAME).toString())));
        assertThat(brokers.read().host()).as("the named file, not the node directory's").isEqualTo("10.0.0.5");

        Path second = Files.createDirectory(secretDir.resolve("..2026_12_07_08_05_00.2"));
        writeTo(second, "amqp://shoal:pw@10.0.0.6:5672/shoal");
        Path swapping = Files.createSymbolicLink(secretDir.resolve("..data_tmp"), second.getFileName());
        Files.move(swapping, secretDir.resolve("..data"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);

        assertThat(brokers.read().host()).isEqualTo("10.0.0.6");
    }

    @Test
    void aGuestPropertiesUriThatIsNotAnAmqpUriIsRefusedAtOnce() {
        assertThatThrownBy(() -> new BrokerAddressFile(nodeDir.resolve(BrokerAddressFile.FILE_NAME), "http://host/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private BrokerAddressFile brokers() {
        return BrokerAddressFile.of(new GuestConfig("node-1", NodeSecret.generate(), "127.0.0.1", nodeDir,
                GUEST_PROPERTIES_URI, Duration.ofSeconds(10)));
    }

    /** As the control plane writes it: a properties file, so the URI's colons are escaped. */
    private void write(String uri) throws IOException {
        writeTo(nodeDir, uri);
    }

    private static void writeTo(Path dir, String uri) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(BrokerAddressFile.URI_KEY, uri);
        try (Writer writer = Files.newBufferedWriter(dir.resolve(BrokerAddressFile.FILE_NAME))) {
            properties.store(writer, null);
        }
    }
}

package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPortsTest {

    @TempDir
    Path home;

    @Test
    void keepsThePortChosenAtTheFirstStartForLaterStarts() throws Exception {
        int first = new EmbeddedPorts(home).claim(EmbeddedPorts.BROKER);

        int later = new EmbeddedPorts(home).claim(EmbeddedPorts.BROKER);

        assertThat(later).isEqualTo(first);
        assertThat(Files.readString(home.resolve(EmbeddedPorts.FILE_NAME))).contains("broker.port=" + first);
    }

    @Test
    void givesEachServiceItsOwnPort() throws Exception {
        EmbeddedPorts ports = new EmbeddedPorts(home);

        assertThat(ports.claim(EmbeddedPorts.DATABASE)).isNotEqualTo(ports.claim(EmbeddedPorts.BROKER));
    }

    @Test
    void refusesAKeptPortThatAnotherProcessHoldsNamingTheFileToEdit() throws Exception {
        Path file = home.resolve(EmbeddedPorts.FILE_NAME);
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String kept = "broker.port=" + other.getLocalPort() + "\n";
            Files.writeString(file, kept);

            assertThatIllegalStateException().isThrownBy(() -> new EmbeddedPorts(home).claim(EmbeddedPorts.BROKER))
                    .withMessageContaining("port " + other.getLocalPort())
                    .withMessageContaining(file.toString());
            assertThat(Files.readString(file)).as("the kept port is not replaced").isEqualTo(kept);
        }
    }

    @Test
    void refusesAPortThatIsNotANumber() throws Exception {
        Files.writeString(home.resolve(EmbeddedPorts.FILE_NAME), "database.port=fivefourthreetwo\n");

        assertThatIllegalStateException().isThrownBy(() -> new EmbeddedPorts(home).claim(EmbeddedPorts.DATABASE))
                .withMessageContaining("database.port");
    }
}

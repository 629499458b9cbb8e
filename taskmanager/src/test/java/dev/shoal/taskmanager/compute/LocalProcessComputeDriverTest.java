package dev.shoal.taskmanager.compute;

import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.NodeSecret;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The broker file a node's guest follows, without real guests: {@code true} stands in for the JVM. */
@ExtendWith(OutputCaptureExtension.class)
class LocalProcessComputeDriverTest {

    private static final String OLD_BROKER = "amqp://shoal:old-secret@127.0.0.1:40001/shoal";
    private static final String BROKER = "amqp://shoal:new-secret@127.0.0.1:5672/shoal";

    @TempDir
    Path workDir;

    @Test
    void provisionWritesTheBrokerFileReadableByItsOwnerAlone() throws Exception {
        String nodeId = UUID.randomUUID().toString();

        driver(BROKER).provision(new NodeSpec(nodeId, "t", "mysql", "10.11", 1024, 1, "127.0.4.9",
                NodeSecret.generate()));

        Path file = workDir.resolve(nodeId).resolve("broker.properties");
        assertThat(brokerIn(workDir.resolve(nodeId))).isEqualTo(BROKER);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
        assertThat(workDir.resolve(nodeId)).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void provisionMakesTheNodeDirectoryReachableByItsOwnerAlone() throws Exception {
        String nodeId = UUID.randomUUID().toString();
        Path older = Files.createDirectories(workDir.resolve(nodeId),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        String otherId = UUID.randomUUID().toString();

        driver(BROKER).provision(new NodeSpec(nodeId, "t", "mysql", "10.11", 1024, 1, "127.0.4.9",
                NodeSecret.generate()));
        driver(BROKER).provision(new NodeSpec(otherId, "t", "mysql", "10.11", 1024, 1, "127.0.4.10",
                NodeSecret.generate()));

        assertThat(Files.getPosixFilePermissions(older)).as("made open by an older driver")
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(workDir.resolve(otherId)))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aStartingTaskManagerPointsEveryNodeItOwnsAtItsBroker(CapturedOutput output) throws Exception {
        Path withOldFile = node(UUID.randomUUID().toString());
        GuestBrokerFile.write(withOldFile, OLD_BROKER);
        Path withoutFile = node(UUID.randomUUID().toString());
        Path notANode = Files.createDirectories(workDir.resolve(UUID.randomUUID().toString()));
        Path snapshots = node(".snapshots");
        Path backups = node(".backups");
        Path agentJar = node(".guestagent");

        int pointed = driver(BROKER).pointGuestsAtBroker();

        assertThat(pointed).isEqualTo(2);
        for (Path node : new Path[] {withOldFile, withoutFile}) {
            assertThat(brokerIn(node)).isEqualTo(BROKER);
            assertThat(Files.getPosixFilePermissions(node.resolve("broker.properties")))
                    .containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
        }
        for (Path other : new Path[] {notANode, snapshots, backups, agentJar}) {
            assertThat(other.resolve("broker.properties")).doesNotExist();
        }
        assertThat(output.getOut()).contains("pointed the guests of 2 nodes", "amqp://127.0.0.1:5672/shoal")
                .doesNotContain("new-secret");
    }

    @Test
    void aWorkDirectoryNotYetMadeHasNoNodesToPoint() {
        LocalProcessComputeDriver driver = new LocalProcessComputeDriver(properties(workDir.resolve("absent")),
                BROKER);

        assertThat(driver.pointGuestsAtBroker()).isZero();
    }

    private Path node(String name) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve(name));
        Files.writeString(dir.resolve("guest.properties"), "node.id=" + name + "\n");
        return dir;
    }

    private static String brokerIn(Path nodeDir) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(nodeDir.resolve("broker.properties"))) {
            properties.load(reader);
        }
        return properties.getProperty("amqp.uri");
    }

    private LocalProcessComputeDriver driver(String broker) {
        return new LocalProcessComputeDriver(properties(workDir), broker);
    }

    private static LocalComputeProperties properties(Path workDir) {
        return new LocalComputeProperties(workDir, "127.0.4.1", Duration.ofSeconds(1), workDir.resolve("agent.jar"),
                Path.of("/bin/true"), null, null, null, null, null, null, null, FirewallMode.NONE, "iptables");
    }
}

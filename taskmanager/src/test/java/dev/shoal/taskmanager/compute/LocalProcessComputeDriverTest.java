package dev.shoal.taskmanager.compute;

import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        NodeSecret secret = NodeSecret.generate();

        driver(BROKER).provision(new NodeSpec(nodeId, "t", null, null, null, "mysql", "10.11", 1024, 1, 1, "127.0.4.9", secret));

        Path file = workDir.resolve(nodeId).resolve("broker.properties");
        assertThat(brokerIn(workDir.resolve(nodeId))).isEqualTo(ownBroker(nodeId, secret));
        assertThat(guestPropertiesIn(workDir.resolve(nodeId)).getProperty("amqp.uri"))
                .as("for guests older than the broker file").isEqualTo(ownBroker(nodeId, secret));
        assertThat(guestPropertiesIn(workDir.resolve(nodeId)).getProperty("mysql.mariadbd"))
                .as("what every guest is told").isEqualTo("/opt/mariadb/bin/mariadbd");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
        assertThat(workDir.resolve(nodeId)).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void provisionMakesTheNodeDirectoryReachableByItsOwnerAlone() throws Exception {
        String nodeId = UUID.randomUUID().toString();
        Path older = Files.createDirectories(workDir.resolve(nodeId),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        String otherId = UUID.randomUUID().toString();

        driver(BROKER).provision(new NodeSpec(nodeId, "t", null, null, null, "mysql", "10.11", 1024, 1, 1, "127.0.4.9",
                NodeSecret.generate()));
        driver(BROKER).provision(new NodeSpec(otherId, "t", null, null, null, "mysql", "10.11", 1024, 1, 1, "127.0.4.10",
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
        List<GuestBrokerAccount> prepared = new ArrayList<>();

        int pointed = driver(BROKER).pointGuestsAtBroker(prepared::add);

        assertThat(pointed).isEqualTo(2);
        assertThat(prepared).extracting(GuestBrokerAccount::nodeId)
                .containsExactlyInAnyOrder(nodeIdOf(withOldFile), nodeIdOf(withoutFile));
        for (Path node : new Path[] {withOldFile, withoutFile}) {
            assertThat(brokerIn(node)).isEqualTo(ownBroker(nodeIdOf(node), secretOf(node)));
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
    void aNodeWhoseAccountCannotBeMadeReadyIsStillPointedAtTheBroker(CapturedOutput output) throws Exception {
        Path node = node(UUID.randomUUID().toString());

        int pointed = driver(BROKER).pointGuestsAtBroker(account -> {
            throw new IllegalStateException("management API down");
        });

        assertThat(pointed).isEqualTo(1);
        assertThat(brokerIn(node)).isEqualTo(ownBroker(nodeIdOf(node), secretOf(node)));
        assertThat(output.getOut()).contains("its broker account could not be made ready", "management API down");
    }

    @Test
    void aNodeMadeBeforePerNodeAccountsKeepsTheSharedCredentialsItsGuestWorksWith(CapturedOutput output)
            throws Exception {
        String oldId = UUID.randomUUID().toString();
        Path old = node(oldId, NodeSecret.generate(), OLD_BROKER);
        List<GuestBrokerAccount> prepared = new ArrayList<>();

        int pointed = driver(BROKER).pointGuestsAtBroker(prepared::add);

        assertThat(pointed).isEqualTo(1);
        assertThat(prepared).as("no account made for a guest that cannot use it").isEmpty();
        assertThat(brokerIn(old)).isEqualTo(BROKER);
        assertThat(output.getOut()).contains("node " + oldId + " runs a guest agent older than per-node broker");
    }

    @Test
    void aWorkDirectoryNotYetMadeHasNoNodesToPoint() {
        LocalProcessComputeDriver driver = new LocalProcessComputeDriver(properties(workDir.resolve("absent")),
                BROKER);

        assertThat(driver.pointGuestsAtBroker(account -> { })).isZero();
    }

    /** A node made by this driver: its guest.properties logs in with the node's own account. */
    private Path node(String name) throws IOException {
        NodeSecret secret = NodeSecret.generate();
        return node(name, secret, ownBroker(name, secret));
    }

    private Path node(String name, NodeSecret secret, String broker) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve(name));
        Properties config = new Properties();
        config.setProperty("node.id", name);
        config.setProperty("node.secret", secret.value());
        config.setProperty("amqp.uri", broker);
        try (Writer writer = Files.newBufferedWriter(dir.resolve("guest.properties"))) {
            config.store(writer, null);
        }
        return dir;
    }

    /** The broker guests use, as the node's own account logs in to it. */
    private static String ownBroker(String nodeId, NodeSecret secret) {
        GuestBrokerAccount account = GuestBrokerAccount.forNode(nodeId, secret);
        assertThat(account.username()).isEqualTo("guestagent-" + nodeId);
        return "amqp://" + account.username() + ":" + account.password() + "@127.0.0.1:5672/shoal";
    }

    private static String nodeIdOf(Path nodeDir) throws IOException {
        return guestPropertiesIn(nodeDir).getProperty("node.id");
    }

    private static NodeSecret secretOf(Path nodeDir) throws IOException {
        return new NodeSecret(guestPropertiesIn(nodeDir).getProperty("node.secret"));
    }

    private static String brokerIn(Path nodeDir) throws IOException {
        return load(nodeDir.resolve("broker.properties")).getProperty("amqp.uri");
    }

    private static Properties guestPropertiesIn(Path nodeDir) throws IOException {
        return load(nodeDir.resolve("guest.properties"));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private LocalProcessComputeDriver driver(String broker) {
        return new LocalProcessComputeDriver(properties(workDir), broker);
    }

    private static LocalComputeProperties properties(Path workDir) {
        return new LocalComputeProperties(workDir, "127.0.4.1", Duration.ofSeconds(1), workDir.resolve("agent.jar"),
                Path.of("/bin/true"), null, Map.of("mysql.mariadbd", "/opt/mariadb/bin/mariadbd"), null, null,
                FirewallMode.NONE, "iptables");
    }
}

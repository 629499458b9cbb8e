package dev.shoal.taskmanager.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.testsupport.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local driver's contract with real guest agent processes: idempotent provisioning, unknown nodes are
 * UNKNOWN, destroying an absent node does nothing, a new driver (a restarted task manager) finds the
 * guests the old one started, and a guest that is gone is started again unless its node is going or its host lost.
 */
class LocalProcessComputeDriverIT {

    @TempDir
    Path workDir;

    private final String broker = TestBroker.fresh("shoal-taskmanager-driver-test");
    private LocalProcessComputeDriver driver;
    private final String nodeId = UUID.randomUUID().toString();

    @AfterEach
    void destroy() throws ComputeException {
        if (driver != null) {
            driver.destroy(nodeId);
        }
    }

    @Test
    void provisionsIdempotentlyAndIsFoundAgainByANewDriver() throws Exception {
        driver = driver();
        NodeSpec spec = spec();

        driver.provision(spec);
        long pid = Long.parseLong(Files.readString(workDir.resolve(nodeId).resolve("guest.pid")).trim());
        driver.provision(spec);

        assertThat(Files.readString(workDir.resolve(nodeId).resolve("guest.pid")).trim())
                .as("no second guest").isEqualTo(Long.toString(pid));
        assertThat(Files.getPosixFilePermissions(workDir.resolve(nodeId).resolve("guest.properties")))
                .as("the node secret is readable by its owner only").hasSize(2);
        assertThat(Files.getPosixFilePermissions(workDir.resolve(nodeId).resolve("broker.properties")))
                .as("the broker password is readable by its owner only").hasSize(2);
        assertThat(driver().status(nodeId)).as("a restarted task manager sees the guest").isEqualTo(
                ServerStatus.ACTIVE);

        driver.destroy(nodeId);

        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(pid).isEmpty()
                || !ProcessHandle.of(pid).get().isAlive());
        assertThat(workDir.resolve(nodeId)).doesNotExist();
        assertThat(driver.status(nodeId)).isEqualTo(ServerStatus.UNKNOWN);
    }

    @Test
    void aGuestThatIsGoneIsStartedAgainUnlessItsHostIsLost() throws Exception {
        driver = driver();
        driver.provision(spec());
        long first = guestPid();
        ProcessHandle guest = ProcessHandle.of(first).orElseThrow();
        guest.destroyForcibly();
        guest.onExit().get();
        assertThat(driver.status(nodeId)).isEqualTo(ServerStatus.SHUTOFF);

        assertThat(driver().restartLostGuests()).as("a new driver, as in the leading task manager")
                .containsExactly(nodeId);

        assertThat(guestPid()).isNotEqualTo(first);
        assertThat(driver.status(nodeId)).isEqualTo(ServerStatus.ACTIVE);
        assertThat(driver.restartLostGuests()).as("a running guest is left alone").isEmpty();

        driver.markHostLost(nodeId);
        assertThat(NodeProcesses.of(workDir.resolve(nodeId))).isEmpty();
        assertThat(driver.restartLostGuests()).isEmpty();
        assertThat(driver.status(nodeId)).isEqualTo(ServerStatus.SHUTOFF);
    }

    @Test
    void aNodeDestroyedWhileAnotherTaskManagerKeepsItsGuestLeavesNothingBehind() throws Exception {
        driver = driver();
        driver.provision(spec());
        LocalProcessComputeDriver keeper = driver();
        AtomicBoolean destroyed = new AtomicBoolean();
        Thread keeping = new Thread(() -> {
            for (int pass = 0; pass < 2_000 && !destroyed.get(); pass++) {
                keeper.restartLostGuests();
            }
        });
        keeping.start();

        driver.destroy(nodeId);
        destroyed.set(true);
        keeping.join(Duration.ofSeconds(30).toMillis());

        assertThat(keeping.isAlive()).isFalse();
        assertThat(NodeProcesses.of(workDir.resolve(nodeId))).as("processes of the node").isEmpty();
        assertThat(workDir.resolve(nodeId)).doesNotExist();
    }

    @Test
    void unknownNodesAreUnknownAndDestroyingThemDoesNothing() throws Exception {
        driver = driver();
        String absent = UUID.randomUUID().toString();

        assertThat(driver.status(absent)).isEqualTo(ServerStatus.UNKNOWN);
        driver.destroy(absent);
        assertThat(driver.status(absent)).isEqualTo(ServerStatus.UNKNOWN);
    }

    private NodeSpec spec() {
        return new NodeSpec(nodeId, "t", null, null, null, "mysql", "10.11", 1024, 1, 1, "127.0.4.1", NodeSecret.generate());
    }

    private long guestPid() throws Exception {
        return Long.parseLong(Files.readString(workDir.resolve(nodeId).resolve("guest.pid")).trim());
    }

    private LocalProcessComputeDriver driver() {
        Path jar = Path.of("target/classes/guestagent/shoal-guestagent.jar").toAbsolutePath();
        return new LocalProcessComputeDriver(new LocalComputeProperties(workDir, "127.0.4.1", Duration.ofSeconds(1),
                jar, null, null, null, null, null, FirewallMode.NONE, "iptables"), broker);
    }
}

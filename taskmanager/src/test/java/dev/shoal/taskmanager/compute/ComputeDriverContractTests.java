package dev.shoal.taskmanager.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every compute driver does, whatever it runs nodes on (as spring-cloud-deployer's
 * {@code AbstractAppDeployerIntegrationJUnit5Tests} holds every deployer): provisioning is idempotent, an unknown node
 * is {@code UNKNOWN} and destroying it does nothing, a new driver (a restarted task manager) finds the nodes of the
 * one before, roles, volumes and firewalls are taken, and a destroyed node leaves nothing. Every node a test makes is
 * destroyed after it.
 */
public abstract class ComputeDriverContractTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<String> made = new ArrayList<>();
    private ComputeDriver driver;

    /** A driver over the same platform as every other this test asked for: a new one is a restarted task manager. */
    protected abstract ComputeDriver provideDriver();

    /** The address the driver is to give the {@code index}th node of a test (a driver may name its own). */
    protected abstract String address(int index);

    /** Whatever the platform must do for the node's guest to run (the mock server runs no kubelet). */
    protected abstract void letRun(String nodeId) throws Exception;

    /** How many copies of the node run on the platform: guest processes, Pods. */
    protected abstract int copiesOf(String nodeId) throws Exception;

    /** The role the platform shows on the node, if any. */
    protected abstract Optional<Role> roleShown(String nodeId) throws Exception;

    /** Checks what the platform holds for the node's volume once it was grown to {@code sizeGb}. */
    protected abstract void assertVolumeHolds(String nodeId, int sizeGb) throws Exception;

    /** Checks that the platform admits exactly what {@code firewall} says, as {@code report} claims. */
    protected abstract void assertFirewallIs(NodeFirewall firewall, FirewallReport report) throws Exception;

    /** Checks that nothing of the node is left on the platform. */
    protected abstract void assertNothingLeftOf(String nodeId) throws Exception;

    protected ComputeDriver driver() {
        if (driver == null) {
            driver = provideDriver();
        }
        return driver;
    }

    protected NodeSpec spec(String nodeId, int index, String group, Role role) {
        return new NodeSpec(nodeId, "acme", group, role, null, "mysql", "10.11", 256, 1, 1, address(index),
                NodeSecret.generate());
    }

    protected String newNode() {
        String nodeId = UUID.randomUUID().toString();
        made.add(nodeId);
        return nodeId;
    }

    @AfterEach
    void destroyEveryNodeMade() throws Exception {
        for (String nodeId : made) {
            driver().destroy(nodeId);
            assertNothingLeftOf(nodeId);
        }
    }

    @Test
    void provisioningTheSameNodeTwiceGivesOneNode() throws Exception {
        String nodeId = newNode();
        NodeSpec spec = spec(nodeId, 1, null, null);

        NodePlacement first = driver().provision(spec);
        NodePlacement second = driver().provision(spec);

        assertThat(second).isEqualTo(first);
        assertThat(copiesOf(nodeId)).isEqualTo(1);
    }

    @Test
    void theStatusOfAnUnknownNodeIsUnknownAndDestroyingItDoesNothing() throws Exception {
        String absent = UUID.randomUUID().toString();

        assertThat(driver().status(absent)).isEqualTo(ServerStatus.UNKNOWN);
        driver().destroy(absent);
        driver().assignRole(absent, Role.MASTER);
        assertThat(driver().status(absent)).isEqualTo(ServerStatus.UNKNOWN);
        assertNothingLeftOf(absent);
    }

    @Test
    void aNewDriverFindsTheNodesOfTheOneBefore() throws Exception {
        String nodeId = newNode();
        driver().provision(spec(nodeId, 1, null, null));
        letRun(nodeId);
        await().atMost(PATIENCE).until(() -> driver().status(nodeId) == ServerStatus.ACTIVE);

        ComputeDriver restarted = provideDriver();

        assertThat(restarted.status(nodeId)).isEqualTo(ServerStatus.ACTIVE);
        restarted.provision(spec(nodeId, 1, null, null));
        assertThat(copiesOf(nodeId)).as("the new driver makes no second copy").isEqualTo(1);
    }

    @Test
    void aNodeShowsTheRoleItWasLastGiven() throws Exception {
        String group = UUID.randomUUID().toString();
        String master = newNode();
        String replica = newNode();
        driver().provision(spec(master, 1, group, Role.MASTER));
        driver().provision(spec(replica, 2, group, Role.REPLICA));
        assertThat(roleShown(master)).contains(Role.MASTER);

        driver().assignRole(replica, Role.MASTER);
        driver().assignRole(master, null);
        driver().assignRole(master, null);

        assertThat(roleShown(replica)).contains(Role.MASTER);
        assertThat(roleShown(master)).isEmpty();
        provideDriver().assignRole(master, Role.REPLICA);
        assertThat(roleShown(master)).contains(Role.REPLICA);
    }

    @Test
    void aGrownVolumeKeepsItsNodeRunning() throws Exception {
        String nodeId = newNode();
        driver().provision(spec(nodeId, 1, null, null));
        letRun(nodeId);
        await().atMost(PATIENCE).until(() -> driver().status(nodeId) == ServerStatus.ACTIVE);

        driver().resizeVolume(nodeId, 5);
        driver().resizeVolume(nodeId, 5);
        driver().resizeVolume(nodeId, 2);

        assertVolumeHolds(nodeId, 5);
        assertThat(driver().status(nodeId)).isEqualTo(ServerStatus.ACTIVE);
        assertThat(copiesOf(nodeId)).isEqualTo(1);
    }

    @Test
    void aFirewallReplacesTheOneBefore() throws Exception {
        String nodeId = newNode();
        NodeFirewall wide = new NodeFirewall(nodeId, address(1), 3306, List.of("10.0.0.0/8", "192.168.1.0/24"));
        NodeFirewall narrow = new NodeFirewall(nodeId, address(1), 3306, List.of("10.1.2.0/24"));
        driver().applyFirewall(wide);
        driver().provision(spec(nodeId, 1, null, null));

        FirewallReport report = driver().applyFirewall(narrow);

        assertFirewallIs(narrow, report);
        assertFirewallIs(narrow, driver().applyFirewall(narrow));
        assertThat(report.description()).isNotBlank();
    }

    @Test
    void aStoppedNodeIsShutOffUntilItsGuestIsKeptAgain() throws Exception {
        String nodeId = newNode();
        driver().provision(spec(nodeId, 1, null, null));
        letRun(nodeId);
        await().atMost(PATIENCE).until(() -> driver().status(nodeId) == ServerStatus.ACTIVE);

        driver().stop(nodeId);

        await().atMost(PATIENCE).until(() -> driver().status(nodeId) == ServerStatus.SHUTOFF);
        assertThat(copiesOf(nodeId)).isZero();
    }
}

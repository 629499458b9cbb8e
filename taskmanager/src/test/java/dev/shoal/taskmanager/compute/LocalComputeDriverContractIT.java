package dev.shoal.taskmanager.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.Role;
import dev.shoal.testsupport.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local driver passes the contract with real guest agent processes on 127.0.77.x (no other suite uses that range),
 * without iptables: its firewall reports the rules as not enforced.
 */
class LocalComputeDriverContractIT extends ComputeDriverContractTests {

    @TempDir
    Path workDir;

    private final String broker = TestBroker.fresh("shoal-taskmanager-contract-test");

    @Override
    protected ComputeDriver provideDriver() {
        Path jar = Path.of("target/classes/guestagent/shoal-guestagent.jar").toAbsolutePath();
        return new LocalProcessComputeDriver(new LocalComputeProperties(workDir, "127.0.77.1", Duration.ofSeconds(1),
                jar, null, null, null, null, null, FirewallMode.NONE, "iptables"), broker);
    }

    @Override
    protected String address(int index) {
        return "127.0.77." + index;
    }

    /** The guest runs from its start: its process is the node's server status. */
    @Override
    protected void letRun(String nodeId) {
    }

    @Override
    protected int copiesOf(String nodeId) {
        return NodeProcesses.of(workDir.resolve(nodeId)).size();
    }

    @Override
    protected Optional<Role> roleShown(String nodeId) {
        return ((LocalProcessComputeDriver) provideDriver()).role(nodeId);
    }

    /** Local nodes share the host's filesystem: growing changes nothing, and the guest was not restarted for it. */
    @Override
    protected void assertVolumeHolds(String nodeId, int sizeGb) throws Exception {
        assertThat(workDir.resolve(nodeId).resolve("guest.pid")).exists();
    }

    @Override
    protected void assertFirewallIs(NodeFirewall firewall, FirewallReport report) {
        assertThat(report.enforced()).isFalse();
        assertThat(report.description()).contains("not enforced", firewall.address() + ":" + firewall.port());
    }

    @Override
    protected void assertNothingLeftOf(String nodeId) {
        assertThat(workDir.resolve(nodeId)).doesNotExist();
        assertThat(Files.exists(workDir.resolve(nodeId))).isFalse();
    }
}

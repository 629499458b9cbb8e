package dev.shoal.taskmanager.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iptables firewall on this host's real netfilter (as root only; skipped elsewhere): a listening socket on a
 * node address is reached from an admitted source, refused from any other, reached from the host always, and
 * nothing of the firewall is left once it is removed; an isolated node, as a lost host, answers nothing.
 */
class IptablesFirewallIT {

    private static final String ADDRESS = "127.0.53.7";
    private static final IptablesFirewall IPTABLES = new IptablesFirewall("iptables");

    @TempDir
    Path workDir;

    private final String nodeId = UUID.randomUUID().toString();
    private ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        assumeTrue(IPTABLES.usable(), "iptables cannot be used here (it needs root and the iptables binary)");
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    // accepted: the connection got through
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void removeEverything() throws Exception {
        if (server != null) {
            server.close();
            IPTABLES.remove(nodeId);
        }
    }

    @Test
    void admitsTheAllowedSourcesAndTheHostAndRefusesTheRest() throws Exception {
        FirewallReport report = IPTABLES.apply(firewall(List.of("127.0.99.0/24", "2001:db8::/32")));

        assertThat(report.enforced()).isTrue();
        assertThat(report.description()).contains(IptablesRules.chain(nodeId), "1 IPv4", "1 IPv6");
        assertThat(connects("127.0.99.1")).isTrue();
        assertThat(connects("127.0.99.254")).isTrue();
        assertThat(connects("127.0.98.1")).as("outside the allowed CIDR").isFalse();
        assertThat(connects(null)).as("the host always").isTrue();

        IPTABLES.apply(firewall(List.of()));
        assertThat(connects("127.0.99.1")).as("its rule is gone").isFalse();
        assertThat(connects(null)).isTrue();
    }

    @Test
    void applyingAgainOrFromARestartedDriverKeepsOneChainAndOneJump() throws Exception {
        IPTABLES.apply(firewall(List.of("127.0.98.0/24")));
        new IptablesFirewall("/usr/sbin/iptables").apply(firewall(List.of("127.0.98.0/24")));
        IPTABLES.apply(firewall(List.of("127.0.98.0/24")));

        String input = iptables("-S", "INPUT");
        assertThat(IptablesRules.jumpsTo(IptablesRules.chain(nodeId), input)).hasSize(1);
        assertThat(iptables("-S", IptablesRules.chain(nodeId)).lines().filter(line -> line.startsWith("-A")))
                .hasSize(3);
        assertThat(connects("127.0.98.1")).isTrue();
    }

    @Test
    void removingLeavesNoChainNorJumpAndTheNodeOpenAgain() throws Exception {
        IPTABLES.apply(firewall(List.of()));
        assertThat(connects("127.0.98.1")).isFalse();

        IPTABLES.remove(nodeId);
        IPTABLES.remove(nodeId);

        assertThat(iptables("-S")).doesNotContain(IptablesRules.chain(nodeId));
        assertThat(connects("127.0.98.1")).isTrue();
    }

    @Test
    void anIsolatedNodeDropsEveryPacketUntilReconnectedOrRemoved() throws Exception {
        IPTABLES.isolate(nodeId, ADDRESS);
        IPTABLES.isolate(nodeId, ADDRESS);

        assertThat(iptables("-S", "INPUT").lines().filter(line -> line.contains(ADDRESS) && line.contains("DROP")))
                .as("one rule, however often isolated").hasSize(1);
        assertThatThrownBy(() -> connects(null)).as("a lost host answers nothing, not even a refusal")
                .isInstanceOf(SocketTimeoutException.class);

        IPTABLES.reconnect(nodeId);
        IPTABLES.reconnect(nodeId);
        assertThat(connects(null)).isTrue();

        IPTABLES.isolate(nodeId, ADDRESS);
        IPTABLES.remove(nodeId);
        assertThat(iptables("-S", "INPUT")).doesNotContain(ADDRESS);
        assertThat(connects(null)).isTrue();
    }

    @Test
    void theLocalDriverRemovesANodesFirewallWithTheNode() throws Exception {
        LocalProcessComputeDriver driver = new LocalProcessComputeDriver(new LocalComputeProperties(workDir,
                "127.0.53.1", Duration.ofSeconds(1), null, null, null, null, null, null,
                FirewallMode.IPTABLES, "iptables"), "amqp://unused");

        driver.applyFirewall(firewall(List.of("127.0.99.0/24")));
        assertThat(workDir.resolve(nodeId)).as("the node's directory marks what holds a firewall").isDirectory();
        assertThat(connects("127.0.98.1")).isFalse();

        driver.destroy(nodeId);

        assertThat(iptables("-S")).doesNotContain(IptablesRules.chain(nodeId));
        assertThat(workDir.resolve(nodeId)).doesNotExist();
    }

    @Test
    void aLostHostsNodeIsUnreachableUntilItsMarkGoesAndGivesItsAddressBackWhenDestroyed() throws Exception {
        LocalProcessComputeDriver driver = new LocalProcessComputeDriver(new LocalComputeProperties(workDir,
                "127.0.53.1", Duration.ofSeconds(1), null, null, null, null, null, null,
                FirewallMode.IPTABLES, "iptables"), "amqp://unused");
        Path nodeDir = Files.createDirectories(workDir.resolve(nodeId));
        Files.writeString(nodeDir.resolve("guest.properties"), "node.id=" + nodeId + "\nnode.address=" + ADDRESS
                + "\n");
        Files.writeString(nodeDir.resolve(NodeLock.FILE_NAME), "");

        driver.markHostLost(nodeId);
        assertThatThrownBy(() -> connects(null)).isInstanceOf(SocketTimeoutException.class);
        Files.delete(nodeDir.resolve(LocalProcessComputeDriver.HOST_LOST));
        Files.writeString(nodeDir.resolve("destroying"), "");
        driver.restartLostGuests();
        assertThat(connects(null)).as("the mark gone, the address is back").isTrue();

        Files.delete(nodeDir.resolve("destroying"));
        driver.markHostLost(nodeId);
        driver.destroy(nodeId);
        driver.restartLostGuests();
        assertThat(iptables("-S", "INPUT")).as("a destroyed node's address is free for the next").doesNotContain(ADDRESS);
        assertThat(connects(null)).isTrue();
    }

    private NodeFirewall firewall(List<String> cidrs) {
        return new NodeFirewall(nodeId, ADDRESS, server.getLocalPort(), cidrs);
    }

    /** @param source the address the client binds, or null for the one Linux picks (the host's) */
    private boolean connects(String source) throws IOException {
        try (Socket socket = new Socket()) {
            if (source != null) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            }
            socket.connect(new InetSocketAddress(InetAddress.getByName(ADDRESS), server.getLocalPort()), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    private static String iptables(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("iptables", "-w"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }
}

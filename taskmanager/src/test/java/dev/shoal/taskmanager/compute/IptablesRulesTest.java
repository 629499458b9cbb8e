package dev.shoal.taskmanager.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IptablesRulesTest {

    private static final String NODE = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final NodeFirewall FIREWALL = new NodeFirewall(NODE, "127.0.51.3", 3306,
            List.of("127.0.99.0/24", "10.0.0.0/8", "2001:db8::/32"));

    @Test
    void aNodesChainIsNamedAfterItsIdWithinIptablesLimit() {
        assertThat(IptablesRules.chain(NODE)).isEqualTo("SHOAL-0f1e2d3c4b5a6978").hasSizeLessThanOrEqualTo(28);
        assertThat(IptablesRules.chain(NODE.toUpperCase())).isEqualTo(IptablesRules.chain(NODE));
        assertThatThrownBy(() -> IptablesRules.chain("INPUT -j ACCEPT")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChainAdmitsTheHostThenEachIpv4CidrAndRefusesTheRestInOneCommit() {
        assertThat(IptablesRules.chainContents(FIREWALL)).isEqualTo("""
                *filter
                :SHOAL-0f1e2d3c4b5a6978 - [0:0]
                -A SHOAL-0f1e2d3c4b5a6978 -s 127.0.0.1/32 -m comment --comment shoal-host -j ACCEPT
                -A SHOAL-0f1e2d3c4b5a6978 -s 127.0.99.0/24 -j ACCEPT
                -A SHOAL-0f1e2d3c4b5a6978 -s 10.0.0.0/8 -j ACCEPT
                -A SHOAL-0f1e2d3c4b5a6978 -p tcp -j REJECT --reject-with tcp-reset
                COMMIT
                """);
    }

    @Test
    void withoutRulesOnlyTheHostIsAdmitted() {
        assertThat(IptablesRules.chainContents(new NodeFirewall(NODE, "127.0.51.3", 9042, List.of())).lines()
                .filter(line -> line.startsWith("-A"))).containsExactly(
                "-A SHOAL-0f1e2d3c4b5a6978 -s 127.0.0.1/32 -m comment --comment shoal-host -j ACCEPT",
                "-A SHOAL-0f1e2d3c4b5a6978 -p tcp -j REJECT --reject-with tcp-reset");
    }

    @Test
    void theJumpSendsTheNodesAddressAndClientPortToItsChain() {
        assertThat(String.join(" ", IptablesRules.jump(FIREWALL))).isEqualTo("-d 127.0.51.3/32 -p tcp -m tcp"
                + " --dport 3306 -m comment --comment shoal-node-" + NODE + " -j SHOAL-0f1e2d3c4b5a6978");
    }

    @Test
    void findsTheJumpsToAChainInWhatIptablesListsAndNoOthers() {
        String listed = """
                -P INPUT ACCEPT
                -A INPUT -i lo -j ACCEPT
                -A INPUT -d 127.0.51.3/32 -p tcp -m tcp --dport 3306 -m comment --comment shoal-node-%1$s -j SHOAL-0f1e2d3c4b5a6978
                -A INPUT -d 127.0.51.9/32 -p tcp -m tcp --dport 3306 -j SHOAL-0f1e2d3c4b5a6979
                -A INPUT -d 127.0.51.4/32 -p tcp -m comment --comment "an old rule" -j SHOAL-0f1e2d3c4b5a6978
                -A SHOAL-0f1e2d3c4b5a6978 -j SHOAL-0f1e2d3c4b5a6978
                """.formatted(NODE);

        List<List<String>> jumps = IptablesRules.jumpsTo("SHOAL-0f1e2d3c4b5a6978", listed);

        assertThat(jumps).hasSize(2);
        assertThat(jumps.get(0)).isEqualTo(IptablesRules.jump(FIREWALL));
        assertThat(jumps.get(1)).containsExactly("-d", "127.0.51.4/32", "-p", "tcp", "-m", "comment", "--comment",
                "an old rule", "-j", "SHOAL-0f1e2d3c4b5a6978");
    }

    @Test
    void ipv6CidrsAreLeftOutOfAnIpv4Nodes() {
        assertThat(IptablesRules.ipv4(FIREWALL.allowedCidrs())).containsExactly("127.0.99.0/24", "10.0.0.0/8");
    }
}

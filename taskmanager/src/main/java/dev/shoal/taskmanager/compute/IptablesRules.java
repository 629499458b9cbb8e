package dev.shoal.taskmanager.compute;

import java.util.ArrayList;
import java.util.List;

/**
 * The iptables rules of a node's firewall, as pure text: a chain of its own ({@code SHOAL-} and 16 hex digits of
 * the node id, within iptables' 28 characters) that accepts the host and each allowed IPv4 CIDR and answers
 * everything else with a TCP reset (a client sees "connection refused" at once rather than a timeout), and one
 * rule at the top of INPUT sending the node's address and client port to it.
 *
 * <p>The host's own address, 127.0.0.1, is always accepted: on the local driver it is where the guest agent, the
 * replicas' replication connections and Shoal itself reach a node from (the source Linux picks for a loopback
 * destination), as Trove's management network is never subject to a tenant's security group.
 */
public final class IptablesRules {

    public static final String HOST_SOURCE = "127.0.0.1/32";
    static final String CHAIN_PREFIX = "SHOAL-";
    static final String INPUT = "INPUT";

    private IptablesRules() {
    }

    public static String chain(String nodeId) {
        String hex = nodeId.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        if (!hex.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a node id: " + nodeId);
        }
        return CHAIN_PREFIX + hex.substring(0, 16);
    }

    /** Input for {@code iptables-restore --noflush}: creates the chain or replaces its rules in one commit. */
    static String chainContents(NodeFirewall firewall) {
        String chain = chain(firewall.nodeId());
        StringBuilder script = new StringBuilder("*filter\n:" + chain + " - [0:0]\n");
        script.append("-A ").append(chain).append(" -s ").append(HOST_SOURCE)
                .append(" -m comment --comment shoal-host -j ACCEPT\n");
        for (String cidr : ipv4(firewall.allowedCidrs())) {
            script.append("-A ").append(chain).append(" -s ").append(cidr).append(" -j ACCEPT\n");
        }
        script.append("-A ").append(chain).append(" -p tcp -j REJECT --reject-with tcp-reset\n");
        return script.append("COMMIT\n").toString();
    }

    /** The INPUT rule jumping to the node's chain, as {@code iptables -S} prints it (without {@code -A INPUT}). */
    static List<String> jump(NodeFirewall firewall) {
        return List.of("-d", firewall.address() + "/32", "-p", "tcp", "-m", "tcp", "--dport",
                Integer.toString(firewall.port()), "-m", "comment", "--comment", "shoal-node-" + firewall.nodeId(),
                "-j", chain(firewall.nodeId()));
    }

    /** The rules of {@code iptables -S INPUT} that jump to the node's chain, each without {@code -A INPUT}. */
    static List<List<String>> jumpsTo(String chain, String inputRules) {
        List<List<String>> jumps = new ArrayList<>();
        for (String line : inputRules.split("\n")) {
            List<String> tokens = tokens(line.strip());
            if (tokens.size() > 2 && tokens.get(0).equals("-A") && tokens.get(1).equals(INPUT)
                    && tokens.get(tokens.size() - 1).equals(chain) && tokens.get(tokens.size() - 2).equals("-j")) {
                jumps.add(tokens.subList(2, tokens.size()));
            }
        }
        return jumps;
    }

    /** IPv6 sources never reach a node of this driver: its address is IPv4. */
    static List<String> ipv4(List<String> cidrs) {
        return cidrs.stream().filter(cidr -> !cidr.contains(":")).toList();
    }

    /** Words of a line {@code iptables -S} printed: space-separated, double quotes around words with spaces. */
    static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (c == '\\' && quoted && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else if (c == ' ' && !quoted) {
                if (inWord) {
                    tokens.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            tokens.add(word.toString());
        }
        return tokens;
    }
}

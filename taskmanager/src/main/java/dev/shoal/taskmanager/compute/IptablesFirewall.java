package dev.shoal.taskmanager.compute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code shoal.compute.local.firewall=iptables}: each node's rules are a chain of its own (see
 * {@link IptablesRules}), replaced whole by {@code iptables-restore --noflush} so that no packet ever meets a
 * half-written chain, and reached from INPUT by exactly one rule. Everything is derived from the node id, so a
 * restarted task manager finds the chains its predecessor made, and applying again changes nothing.
 */
public final class IptablesFirewall implements LocalFirewall {

    private static final Logger log = LoggerFactory.getLogger(IptablesFirewall.class);
    private static final long TIMEOUT_SECONDS = 30;
    /** Seconds iptables waits for another program's hold on the tables before it gives up. */
    private static final String WAIT = "10";

    private final String iptables;
    private final String restore;

    /** @param iptables the iptables binary, by name on the PATH or by path */
    public IptablesFirewall(String iptables) {
        this.iptables = iptables;
        Path binary = Path.of(iptables);
        this.restore = binary.getParent() == null ? iptables + "-restore"
                : binary.resolveSibling(binary.getFileName() + "-restore").toString();
    }

    /** Whether iptables can be used here: the binary runs and may read the filter table (it needs root). */
    public boolean usable() {
        try {
            return run(List.of(iptables, "-w", WAIT, "-S", IptablesRules.INPUT), null).exitCode() == 0;
        } catch (ComputeException e) {
            return false;
        }
    }

    @Override
    public synchronized FirewallReport apply(NodeFirewall firewall) throws ComputeException {
        String chain = IptablesRules.chain(firewall.nodeId());
        check(run(List.of(restore, "-w", WAIT, "--noflush"), IptablesRules.chainContents(firewall)),
                "replace " + chain);
        List<String> wanted = IptablesRules.jump(firewall);
        List<List<String>> jumps = jumps(chain);
        if (!jumps.equals(List.of(wanted))) {
            for (List<String> stale : jumps) {
                check(run(command("-D", IptablesRules.INPUT, stale), null), "remove a stale jump to " + chain);
            }
            check(run(command("-I", IptablesRules.INPUT, prepend("1", wanted)), null), "jump to " + chain);
        }
        int ipv4 = IptablesRules.ipv4(firewall.allowedCidrs()).size();
        int ipv6 = firewall.allowedCidrs().size() - ipv4;
        return new FirewallReport(true, "enforced by iptables chain " + chain + ": " + firewall.address() + ":"
                + firewall.port() + " admits the host (127.0.0.1) and " + ipv4 + " IPv4 CIDR(s); anything else is"
                + " refused" + (ipv6 == 0 ? "" : "; " + ipv6 + " IPv6 CIDR(s) admit nobody, the node's address"
                + " being IPv4"));
    }

    @Override
    public synchronized void isolate(String nodeId, String address) throws ComputeException {
        List<String> rule = List.of("-d", address, "-m", "comment", "--comment", isolation(nodeId), "-j", "DROP");
        if (run(command("-C", IptablesRules.INPUT, rule), null).exitCode() != 0) {
            check(run(command("-I", IptablesRules.INPUT, prepend("1", rule)), null), "isolate " + address);
            log.warn("node {}: every packet to {} is dropped", nodeId, address);
        }
    }

    @Override
    public synchronized void reconnect(String nodeId) throws ComputeException {
        Result listed = check(run(List.of(iptables, "-w", WAIT, "-S", IptablesRules.INPUT), null), "list INPUT");
        for (String rule : listed.output().lines().filter(line -> line.contains(isolation(nodeId))).toList()) {
            List<String> spec = List.of(rule.replaceFirst("^-A " + IptablesRules.INPUT + " ", "").split(" "));
            check(run(command("-D", IptablesRules.INPUT, spec), null), "reconnect node " + nodeId);
            log.info("node {}: its address is reachable again", nodeId);
        }
    }

    /** The comment that marks the rule isolating a node, derived from its id like its chain. */
    private static String isolation(String nodeId) {
        return IptablesRules.chain(nodeId) + "-lost";
    }

    @Override
    public synchronized void remove(String nodeId) throws ComputeException {
        reconnect(nodeId);
        String chain = IptablesRules.chain(nodeId);
        for (List<String> jump : jumps(chain)) {
            check(run(command("-D", IptablesRules.INPUT, jump), null), "remove the jump to " + chain);
        }
        if (run(List.of(iptables, "-w", WAIT, "-S", chain), null).exitCode() != 0) {
            return;
        }
        check(run(List.of(iptables, "-w", WAIT, "-F", chain), null), "flush " + chain);
        check(run(List.of(iptables, "-w", WAIT, "-X", chain), null), "delete " + chain);
        log.info("node {}: iptables chain {} removed", nodeId, chain);
    }

    private List<List<String>> jumps(String chain) throws ComputeException {
        Result listed = check(run(List.of(iptables, "-w", WAIT, "-S", IptablesRules.INPUT), null), "list INPUT");
        return IptablesRules.jumpsTo(chain, listed.output());
    }

    private List<String> command(String action, String chain, List<String> rule) {
        List<String> command = new ArrayList<>(List.of(iptables, "-w", WAIT, action, chain));
        command.addAll(rule);
        return command;
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static Result check(Result result, String what) throws ComputeException {
        if (result.exitCode() != 0) {
            throw new ComputeException("iptables could not " + what + " (exit " + result.exitCode() + "): "
                    + result.output().strip(), null);
        }
        return result;
    }

    /** The output goes to a file, so a command that hangs is given up on at the timeout instead of read forever. */
    private static Result run(List<String> command, String input) throws ComputeException {
        Path output = null;
        try {
            output = Files.createTempFile("shoal-iptables", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ComputeException(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s", null);
            }
            return new Result(process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new ComputeException("could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeException("interrupted while running " + command.get(0), e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private record Result(int exitCode, String output) {
    }
}

package dev.shoal.standalone;

import dev.shoal.taskmanager.compute.LocalProcessComputeDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node's host lost, as the suites lose it: the local driver's mark that keeps its guest from being started again,
 * its processes killed, and, where iptables can be used, its address dropped, so that whoever connects to it waits
 * out a timeout instead of being refused. Its coming back undoes the mark and the rule.
 */
final class LostHosts {

    private static final String COMMENT = "shoal-e2e-host-lost";

    private LostHosts() {
    }

    static void lose(Path nodeDir, String address) throws IOException, InterruptedException {
        Files.writeString(nodeDir.resolve(LocalProcessComputeDriver.HOST_LOST), "");
        NodeDirectories.processesOf(nodeDir).forEach(pid -> ProcessHandle.of(pid)
                .ifPresent(ProcessHandle::destroyForcibly));
        if (StandaloneE2E.IPTABLES) {
            iptables("-I", "INPUT", "-d", address, "-m", "comment", "--comment", COMMENT, "-j", "DROP");
        }
    }

    static void comeBack(Path nodeDir, String address) throws IOException, InterruptedException {
        if (StandaloneE2E.IPTABLES) {
            iptables("-D", "INPUT", "-d", address, "-m", "comment", "--comment", COMMENT, "-j", "DROP");
        }
        Files.delete(nodeDir.resolve(LocalProcessComputeDriver.HOST_LOST));
    }

    /** Every address a suite dropped and did not give back, as after a failure. */
    static void clear() throws IOException, InterruptedException {
        if (!StandaloneE2E.IPTABLES) {
            return;
        }
        for (String rule : iptables("-S", "INPUT").lines().filter(line -> line.contains(COMMENT)).toList()) {
            List<String> delete = new ArrayList<>(List.of("-D"));
            delete.addAll(List.of(rule.replaceFirst("^-A ", "").split(" ")));
            iptables(delete.toArray(String[]::new));
        }
    }

    private static String iptables(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("iptables", "-w", "5"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: "
                    + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}

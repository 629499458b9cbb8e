package dev.shoal.standalone;

import dev.shoal.taskmanager.compute.LocalProcessComputeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A local compute driver's node directories, and the processes each node runs, as the suites look at them. */
final class NodeDirectories {

    private NodeDirectories() {
    }

    /** The directory of the node the compute driver placed on {@code address}. */
    static Path at(Path nodesDir, String address) throws IOException {
        return find(nodesDir, address).orElseThrow(() -> new IOException("no node directory for " + address));
    }

    /** The same, or empty while the compute driver has not yet written the node's configuration. */
    static Optional<Path> find(Path nodesDir, String address) throws IOException {
        try (Stream<Path> dirs = Files.list(nodesDir)) {
            return dirs.filter(dir -> {
                try {
                    return Files.readAllLines(dir.resolve("guest.properties")).contains("node.address=" + address);
                } catch (IOException notANode) {
                    return false;
                }
            }).findFirst();
        }
    }

    /** Every process of a node has its directory on its command line: the guest agent and its datastore. */
    static Set<Long> processesOf(Path nodeDir) {
        String marker = nodeDir.toAbsolutePath() + "/";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /**
     * As the local driver lets a node's host be lost: marked so (its keeper then keeps it down and, with iptables, its
     * address dropped), and its processes killed at once.
     */
    static void loseHost(Path nodeDir) throws IOException {
        Files.writeString(nodeDir.resolve(LocalProcessComputeDriver.HOST_LOST), "");
        processesOf(nodeDir).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    /** The lost host is back: the keeper gives its address back and starts its guest again. */
    static void hostBack(Path nodeDir) throws IOException {
        Files.delete(nodeDir.resolve(LocalProcessComputeDriver.HOST_LOST));
    }

    /** Processes of any node under {@code dir}; a service merely configured with the directory is none of them. */
    static long processesUnder(Path dir) {
        String marker = dir.toAbsolutePath() + "/";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .count();
    }
}

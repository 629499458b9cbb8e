package dev.shoal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a suite left of the nodes it made under a work directory, after a failure: every process with the directory
 * on its command line is killed. A Spring context the suites share outlives each of them, and its guest keeper would
 * start a killed guest again; each node directory is first marked as being destroyed, as the local compute driver
 * marks one it destroys, which the keeper leaves alone.
 */
public final class LeftoverNodes {

    /** The local compute driver's mark of a node directory being destroyed. */
    private static final String DESTROYING = "destroying";

    private LeftoverNodes() {
    }

    /** @param nodesDir the local compute driver's work directory, each node's directory in it */
    public static void kill(Path nodesDir) {
        if (Files.isDirectory(nodesDir)) {
            try (Stream<Path> nodeDirs = Files.list(nodesDir)) {
                for (Path nodeDir : nodeDirs.filter(Files::isDirectory).toList()) {
                    Files.writeString(nodeDir.resolve(DESTROYING), "");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(nodesDir.toString())).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }
}

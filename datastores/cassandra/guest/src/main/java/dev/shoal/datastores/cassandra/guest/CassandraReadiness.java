package dev.shoal.datastores.cassandra.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.management.JMException;

/**
 * When a node's server serves: CQL clients are accepted on the node's address and the node has finished joining
 * the ring ({@code NORMAL}); a bootstrapping node opens its CQL port only after it joined, a replacing one too.
 */
final class CassandraReadiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final String SEEDS_UNANSWERED = "Unable to contact any seeds";
    private static final String TOKEN_COLLISION = "Bootstrap Token collision";

    private final Path nodeDir;
    private final String address;
    private final CassandraProcess process;
    private final Duration startTimeout;

    CassandraReadiness(Path nodeDir, String address, CassandraProcess process, Duration startTimeout) {
        this.nodeDir = nodeDir;
        this.address = address;
        this.process = process;
        this.startTimeout = startTimeout;
    }

    /** Another server on the node's ports would make Cassandra fail late and obscurely; say so up front. */
    void requireFreePorts() throws IOException {
        if (process.isAlive()) {
            return;
        }
        for (int port : new int[] {CassandraYaml.STORAGE_PORT, CassandraYaml.NATIVE_PORT}) {
            if (accepts(port)) {
                throw new IOException("port " + port + " on " + address + " is already taken by another process");
            }
        }
    }

    void awaitServing(CassandraJmx jmx) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(startTimeout);
        String lastMode = "not started";
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("Cassandra exited during start: " + lastError()
                        + "; see logs/system.log and logs/cassandra.out in " + nodeDir);
            }
            if (nativePortAccepts()) {
                try {
                    lastMode = jmx.operationMode();
                    if ("NORMAL".equals(lastMode)) {
                        return;
                    }
                } catch (IOException | JMException notYet) {
                    lastMode = "JMX not answering: " + notYet.getMessage();
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("Cassandra did not serve on " + address + ":" + CassandraYaml.NATIVE_PORT
                        + " within " + startTimeout + " (last operation mode: " + lastMode + ")");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** Whether a joining node's start failed because it chose a token another node of the ring holds. */
    static boolean tokensCollided(IOException startFailure) {
        return startFailure.getMessage() != null && startFailure.getMessage().contains(TOKEN_COLLISION);
    }

    /** Whether a start failed because no seed answered the joining node's first gossip round. */
    static boolean seedsUnanswered(IOException startFailure) {
        return startFailure.getMessage() != null && startFailure.getMessage().contains(SEEDS_UNANSWERED);
    }

    boolean nativePortAccepts() {
        return accepts(CassandraYaml.NATIVE_PORT);
    }

    /** The reason a server gave up is its last ERROR line, or the JVM's last words when it never logged. */
    private String lastError() {
        for (String log : List.of("logs/system.log", "logs/cassandra.out")) {
            try (Stream<String> lines = Files.lines(nodeDir.resolve(log))) {
                List<String> all = lines.filter(line -> !line.isBlank()).toList();
                int error = lastErrorLine(all);
                if (error >= 0) {
                    // the line after "Exception encountered during startup" names the exception and its message
                    return all.get(error) + (error + 1 < all.size() ? " " + all.get(error + 1).strip() : "");
                }
                if (!all.isEmpty() && log.endsWith(".out")) {
                    return all.get(all.size() - 1);
                }
            } catch (IOException | UncheckedIOException unreadable) {
                // try the next log
            }
        }
        return "no log written";
    }

    private static int lastErrorLine(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("ERROR")) {
                return i;
            }
        }
        return -1;
    }

    private boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}

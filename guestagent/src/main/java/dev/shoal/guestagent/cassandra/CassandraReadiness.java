package dev.shoal.guestagent.cassandra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import javax.management.JMException;

/**
 * When a node's server serves: CQL clients are accepted on the node's address and the node has finished joining
 * the ring ({@code NORMAL}); a bootstrapping node opens its CQL port only after it joined, a replacing one too.
 */
final class CassandraReadiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int CONNECT_TIMEOUT_MS = 500;

    private final String address;
    private final CassandraProcess process;
    private final Duration startTimeout;

    CassandraReadiness(String address, CassandraProcess process, Duration startTimeout) {
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
                throw new IOException("Cassandra exited during start; see logs/system.log and logs/cassandra.out"
                        + " in the node directory");
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

    boolean nativePortAccepts() {
        return accepts(CassandraYaml.NATIVE_PORT);
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

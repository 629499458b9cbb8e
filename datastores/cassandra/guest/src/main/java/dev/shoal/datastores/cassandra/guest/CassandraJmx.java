package dev.shoal.datastores.cassandra.guest;

import dev.shoal.contracts.guest.ClusterStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The node's StorageService over Cassandra's local JMX, what {@code nodetool} reads, with the JDK's own client:
 * no Cassandra classes in the agent.
 */
final class CassandraJmx {

    private static final long CONNECT_TIMEOUT_SECONDS = 10;
    private static final ObjectName STORAGE_SERVICE = storageService();

    private final int port;

    CassandraJmx(int port) {
        this.port = port;
    }

    String operationMode() throws IOException, JMException {
        try (JMXConnector connector = connect()) {
            return (String) connector.getMBeanServerConnection().getAttribute(STORAGE_SERVICE, "OperationMode");
        }
    }

    ClusterStatus clusterStatus() throws IOException, JMException {
        try (JMXConnector connector = connect()) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            return toStatus(nodes(server, "LiveNodes"), nodes(server, "UnreachableNodes"),
                    nodes(server, "JoiningNodes"), nodes(server, "LeavingNodes"), nodes(server, "MovingNodes"));
        }
    }

    /** Several reads and writes of StorageService over one connection. */
    <T> T withStorageService(StorageServiceWork<T> work) throws IOException, JMException {
        try (JMXConnector connector = connect()) {
            return work.run(connector.getMBeanServerConnection(), STORAGE_SERVICE);
        }
    }

    @FunctionalInterface
    interface StorageServiceWork<T> {
        T run(MBeanServerConnection server, ObjectName storageService) throws IOException, JMException;
    }

    /** Streams this node's data to the rest of the ring; returns once the node has left it. */
    void decommission() throws IOException, JMException {
        try (JMXConnector connector = connect()) {
            // forced: the control plane has decided the membership, even if fewer nodes than a keyspace's
            // replication factor remain; an unforced decommission would refuse and leave the node stuck
            connector.getMBeanServerConnection().invoke(STORAGE_SERVICE, "decommission", new Object[] {true},
                    new String[] {"boolean"});
        }
    }

    /** Nodetool's two letters: Up/Down, then Normal, Joining, Leaving or Moving. */
    static ClusterStatus toStatus(Collection<String> live, Collection<String> unreachable,
                                  Collection<String> joining, Collection<String> leaving,
                                  Collection<String> moving) {
        Set<String> liveSet = normalise(live);
        Set<String> joiningSet = normalise(joining);
        Set<String> leavingSet = normalise(leaving);
        Set<String> movingSet = normalise(moving);
        Set<String> all = new TreeSet<>(liveSet);
        List.of(normalise(unreachable), joiningSet, leavingSet, movingSet).forEach(all::addAll);
        List<ClusterStatus.Member> members = new ArrayList<>();
        for (String address : all) {
            char up = liveSet.contains(address) ? 'U' : 'D';
            char state = joiningSet.contains(address) ? 'J' : leavingSet.contains(address) ? 'L'
                    : movingSet.contains(address) ? 'M' : 'N';
            String code = "" + up + state;
            members.add(new ClusterStatus.Member(address, code, code.equals("UN")));
        }
        return new ClusterStatus(members);
    }

    /** Cassandra answers {@code 127.0.5.1}, {@code /127.0.5.1} or {@code 127.0.5.1:7000}: keep the bare IP. */
    static String normalise(String endpoint) {
        String address = endpoint.trim();
        if (address.startsWith("/")) {
            address = address.substring(1);
        }
        if (address.startsWith("[")) {
            return address.substring(1, address.indexOf(']'));
        }
        int colon = address.indexOf(':');
        return colon >= 0 && colon == address.lastIndexOf(':') ? address.substring(0, colon) : address;
    }

    private static Set<String> normalise(Collection<String> endpoints) {
        Set<String> addresses = new TreeSet<>();
        endpoints.forEach(endpoint -> addresses.add(normalise(endpoint)));
        return addresses;
    }

    @SuppressWarnings("unchecked")
    private static List<String> nodes(MBeanServerConnection server, String attribute)
            throws IOException, JMException {
        Object value = server.getAttribute(STORAGE_SERVICE, attribute);
        return value == null ? List.of() : (List<String>) value;
    }

    /** The RMI client has no connect timeout of its own; a hung server must not hang the agent's worker. */
    private JMXConnector connect() throws IOException {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        CompletableFuture<JMXConnector> connecting = CompletableFuture.supplyAsync(() -> {
            try {
                return JMXConnectorFactory.connect(url, Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, CassandraJmx::connectThread);
        try {
            return connecting.get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
                    : new IOException("JMX connect to port " + port + " failed", e.getCause());
        } catch (TimeoutException e) {
            connecting.thenAccept(CassandraJmx::closeQuietly);
            throw new IOException("JMX on 127.0.0.1:" + port + " did not answer within " + CONNECT_TIMEOUT_SECONDS
                    + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to JMX", e);
        }
    }

    /** Its own daemon thread: a blocked connect must not hold one of the few common-pool threads. */
    private static void connectThread(Runnable connect) {
        Thread thread = new Thread(connect, "cassandra-jmx-connect");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(JMXConnector connector) {
        try {
            connector.close();
        } catch (IOException ignored) {
            // a connection nobody waits for any more
        }
    }

    private static ObjectName storageService() {
        try {
            return new ObjectName("org.apache.cassandra.db:type=StorageService");
        } catch (JMException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}

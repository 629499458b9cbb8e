package dev.shoal.datastores.cassandra.guest;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.Clustered;
import dev.shoal.guest.spi.Configurable;
import dev.shoal.guest.spi.Decommission;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.PreparedDatastore;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import javax.management.JMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a real Apache Cassandra server for one node of a cluster: configure, start, report the ring, leave it.
 * Everything it keeps is under the node directory, so a restarted agent picks up where the last one left off.
 */
public final class CassandraManager extends PreparedDatastore
        implements Clustered, Decommission, Configurable {

    private static final Logger log = LoggerFactory.getLogger(CassandraManager.class);
    private static final int SEED_CONTACT_ATTEMPTS = 3;
    private static final String MANAGER = "cassandra";

    private final CassandraSettings settings;
    private final CassandraProcess process;
    private final CassandraReadiness readiness;
    private final CassandraOverrides overrides;

    public CassandraManager(GuestConfig config) {
        super(config, "Cassandra");
        this.settings = new CassandraSettings(config);
        this.process = new CassandraProcess(config.nodeDir());
        this.readiness = new CassandraReadiness(config.nodeDir(), config.address(), process,
                settings.startTimeout());
        this.overrides = new CassandraOverrides(config.nodeDir());
    }

    @Override
    public String name() {
        return MANAGER;
    }

    @Override
    protected void validate(Prepare request) {
        if (request.cluster() == null) {
            throw new IllegalArgumentException("a Cassandra node is always a cluster member: prepare needs the"
                    + " node's cluster (cluster id, seeds, region)");
        }
    }

    @Override
    protected void install(Prepare request) throws Exception {
        ClusterMember member = request.cluster();
        CassandraLaunch launch = launchFor(request, member);
        writeConfiguration(member, request.overrides());
        launch.store(config.nodeDir());
        phases.time("server start", () -> start(launch));
    }

    @Override
    protected void startPrepared() throws Exception {
        start(storedLaunch());
    }

    @Override
    protected Optional<ProcessHandle> serverProcess() {
        return process.handle();
    }

    @Override
    protected void stopServer() throws Exception {
        process.stop();
    }

    @Override
    protected Path serverLog() {
        return file("logs/system.log");
    }

    @Override
    protected String serverLogName() {
        return "system";
    }

    @Override
    protected Optional<String> unanswered() {
        return readiness.nativePortAccepts() ? Optional.empty()
                : Optional.of("does not accept CQL connections on " + config.address());
    }

    /**
     * Nodes run with AllowAllAuthenticator: with PasswordAuthenticator, system_auth would have to be replicated
     * to every data centre before a replace or decommission could keep roles readable, which is not done yet.
     */
    @Override
    public void enableRoot(String password) {
        throw new UnsupportedOperationException("cassandra nodes run without authentication"
                + " (AllowAllAuthenticator): enabling root is not supported yet");
    }

    @Override
    public ClusterStatus clusterStatus() throws IOException, JMException {
        return jmx().clusterStatus();
    }

    /**
     * Hands the node's token ranges to the rest of the ring, then stops the server: it serves nothing more, and
     * a restarted agent must not start it again (Cassandra would refuse to rejoin a decommissioned node anyway).
     */
    @Override
    public synchronized void decommission() throws Exception {
        description = "decommissioning";
        jmx().decommission();
        log.info("node {} left the ring", config.nodeId());
        Files.writeString(file("decommissioned"), "ok\n");
        Files.deleteIfExists(file("prepared"));
        process.stop();
        status = ServiceStatus.SHUTDOWN;
        description = "decommissioned";
    }

    /** Written to cassandra.yaml, set live where StorageService can; the rest waits for a restart. */
    @Override
    public synchronized AppliedConfiguration applyOverrides(ConfigurationOverrides requested) throws Exception {
        AppliedConfiguration applied = overrides.apply(requested, jmx());
        log.info("node {}: configuration applied{}", config.nodeId(), applied.restartRequired().isEmpty() ? ""
                : "; a restart applies " + applied.restartRequired());
        return applied;
    }

    /**
     * A joining node gives up when no seed answers its first gossip round within the ring delay, which a busy seed
     * can miss, or when it chose tokens before gossip told it all the ring's (a collision with another node's).
     * Either way the node has joined nothing and holds no data yet: it is started again, from empty data after a
     * collision, a few times before the start fails.
     */
    private void start(CassandraLaunch launch) throws Exception {
        for (int attempt = 1; ; attempt++) {
            readiness.requireFreePorts();
            process.start(launch.command(settings.javaBinary(), settings.lib(), config.nodeDir()));
            long started = System.nanoTime();
            try {
                readiness.awaitServing(new CassandraJmx(launch.jmxPort()));
                log.info("Cassandra of node {} serves on {} after {} ms", config.nodeId(), config.address(),
                        (System.nanoTime() - started) / 1_000_000);
                return;
            } catch (IOException e) {
                boolean collided = CassandraReadiness.tokensCollided(e);
                if (attempt >= SEED_CONTACT_ATTEMPTS || !(collided || CassandraReadiness.seedsUnanswered(e))) {
                    throw e;
                }
                log.warn("Cassandra of node {} {} (attempt {} of {}); starting it again", config.nodeId(),
                        collided ? "chose tokens another node holds" : "heard from no seed", attempt,
                        SEED_CONTACT_ATTEMPTS);
                if (collided) {
                    CassandraYaml.clearData(config.nodeDir());
                }
            }
        }
    }

    /** The JMX port chosen at the first prepare stays: a running server keeps using it. */
    private CassandraLaunch launchFor(Prepare request, ClusterMember member) throws IOException {
        int jmxPort = CassandraLaunch.load(config.nodeDir()).map(CassandraLaunch::jmxPort).orElse(freeLocalPort());
        return new CassandraLaunch(CassandraLaunch.heapMb(request.memoryMb()), jmxPort,
                Optional.ofNullable(member.replaceAddress()).filter(address -> !address.isBlank()));
    }

    /** A group given at create time is in the file from the first start: no restart needed for it. */
    private void writeConfiguration(ClusterMember member, Map<String, String> values) throws IOException {
        write("cassandra.yaml", CassandraOverridesYaml.render(
                CassandraYaml.render(config.nodeDir(), config.address(), member), values));
        write("cassandra-rackdc.properties", CassandraYaml.rackDc(member));
        try (InputStream logback = CassandraManager.class.getResourceAsStream("logback.xml")) {
            Files.copy(logback, file("logback.xml"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void write(String name, String content) throws IOException {
        Path partial = file(name + ".part");
        Files.writeString(partial, content);
        Files.move(partial, file(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private CassandraLaunch storedLaunch() throws IOException {
        return CassandraLaunch.load(config.nodeDir()).orElseThrow(() ->
                new IOException(file(CassandraLaunch.FILE) + " is missing: prepare the node again"));
    }

    private CassandraJmx jmx() throws IOException {
        return new CassandraJmx(storedLaunch().jmxPort());
    }

    private static int freeLocalPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}

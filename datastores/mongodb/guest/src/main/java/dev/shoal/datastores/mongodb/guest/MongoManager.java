package dev.shoal.datastores.mongodb.guest;

import com.mongodb.MongoException;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ClusterMembers;
import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.Clustered;
import dev.shoal.guest.spi.Configurable;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.Membership;
import dev.shoal.guest.spi.PreparedDatastore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a real mongod for one replica set member: configure, start, report, change membership, stop.
 * Everything it keeps is under the node directory, so a restarted agent picks up where the last one left off.
 */
public final class MongoManager extends PreparedDatastore
        implements Clustered, Membership, Configurable {

    private static final Logger log = LoggerFactory.getLogger(MongoManager.class);
    private static final String MANAGER = "mongodb";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final MongodProcess process;
    /** Membership commands wait for a majority of members; status probes must answer quickly. */
    private final MongodAdmin admin;
    private final MongodAdmin probe;
    private final ReplicaSetMembership membership;
    private final MongodOverrides overrides;

    public MongoManager(GuestConfig config) {
        super(config, "mongod");
        this.process = new MongodProcess(config.nodeDir());
        this.admin = new MongodAdmin(config.address(), Duration.ofSeconds(90));
        this.probe = new MongodAdmin(config.address(), Duration.ofSeconds(2));
        this.membership = new ReplicaSetMembership(admin, config.address());
        this.overrides = new MongodOverrides(config.nodeDir());
    }

    @Override
    public String name() {
        return MANAGER;
    }

    @Override
    protected void validate(Prepare request) {
        if (request.cluster() == null) {
            throw new IllegalArgumentException("a MongoDB node is always a replica set member: prepare needs the"
                    + " node's cluster");
        }
    }

    @Override
    protected void install(Prepare request) throws Exception {
        ClusterMember cluster = request.cluster();
        String setName = MongodConfig.replicaSetName(cluster.clusterId());
        Files.writeString(file("replica-set"), setName);
        Files.writeString(file("member-type"), cluster.isArbiter() ? ClusterMember.TYPE_ARBITER
                : ClusterMember.TYPE_MEMBER);
        Files.writeString(file("memory-mb"), Integer.toString(request.memoryMb()));
        Files.createDirectories(file("data"));
        overrides.write(request.overrides());
        Files.writeString(file("mongod.conf"), MongodConfig.render(config.nodeDir(), config.address(), setName,
                request.memoryMb(), request.overrides()));
        start();
    }

    @Override
    protected void startPrepared() throws Exception {
        start();
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
        return file("mongod.log");
    }

    @Override
    protected Optional<String> unanswered() {
        try {
            probe.run(new Document("ping", 1));
            return Optional.empty();
        } catch (MongoException e) {
            return Optional.of("does not answer: " + e.getMessage());
        }
    }

    @Override
    public void enableRoot(String password) {
        throw new UnsupportedOperationException("mongodb nodes run without access control until members share a"
                + " keyfile for internal authentication, so there is no root user to enable");
    }

    /** mongod.conf is written again with the group's values, so a restart starts with them. */
    @Override
    public synchronized AppliedConfiguration applyOverrides(ConfigurationOverrides requested) throws Exception {
        Map<String, String> before = overrides.written();
        overrides.write(requested.values());
        Files.writeString(file("mongod.conf"), MongodConfig.render(config.nodeDir(), config.address(),
                preparedValue("replica-set"), Integer.parseInt(preparedValue("memory-mb")), requested.values()));
        AppliedConfiguration applied = overrides.apply(requested, before, admin);
        log.info("node {}: configuration applied{}", config.nodeId(), applied.restartRequired().isEmpty() ? ""
                : "; a restart applies " + applied.restartRequired());
        return applied;
    }

    @Override
    public ClusterStatus clusterStatus() {
        return membership.status();
    }

    @Override
    public Optional<Role> electedRole() {
        if (status != ServiceStatus.RUNNING) {
            return Optional.empty();
        }
        try {
            return ReplicaSetCommands.electedRole(admin.hello());
        } catch (MongoException unanswered) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void addMembers(ClusterMembers members) throws Exception {
        if (ClusterMember.TYPE_ARBITER.equals(preparedValue("member-type"))) {
            throw new IllegalStateException(config.address() + " is an arbiter; membership changes go to the"
                    + " primary");
        }
        membership.add(preparedValue("replica-set"), members.members());
    }

    @Override
    public synchronized void removeMembers(ClusterMembers members) throws Exception {
        membership.remove(members.members().stream().map(ClusterMembers.Entry::address).toList());
    }

    /** The driver's clients go with the server; a restart keeps them for the server that comes back. */
    @Override
    public synchronized void stop() throws Exception {
        admin.close();
        probe.close();
        super.stop();
    }

    private void start() throws IOException, InterruptedException {
        Path mongod = MongodProcess.locate(config.setting(MongodProcess.BINARY_SETTING), System.getenv("PATH"));
        log.info("mongod of node {}: {}", config.nodeId(), mongod);
        process.start(mongod, file("mongod.conf"));
        probe.awaitAnswering(process::isAlive, START_TIMEOUT, file("mongod.log") + " and " + file("mongod.out"));
    }

    /** What prepare wrote down for later calls, whose message says so when prepare never ran. */
    private String preparedValue(String name) throws IOException {
        if (!isPrepared()) {
            throw new IllegalStateException("node " + config.nodeId() + " is not prepared");
        }
        return Files.readString(file(name)).trim();
    }

}

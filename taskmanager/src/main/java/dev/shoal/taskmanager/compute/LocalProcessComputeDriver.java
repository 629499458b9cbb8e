package dev.shoal.taskmanager.compute;

import dev.shoal.contracts.Role;
import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each node as a guest agent process on this host, in its own directory, bound to its own loopback
 * address. Guests are started in a session of their own, so they outlive a task manager crash, and are
 * found again through their pid file. A node's firewall ({@code shoal.compute.local.firewall}) goes with its
 * directory: the directory exists from the first time the firewall is applied, so whoever cleans up after this
 * driver finds every node that may hold one. A node's {@code broker.properties} tells its guest where the broker
 * is and the node's own broker account, and is rewritten at every start of the task manager (see
 * {@link #pointGuestsAtBroker}). A guest that is gone while its node exists is started again by
 * {@link #restartLostGuests}; every change to a node's processes holds its {@link NodeLock}, since several task
 * managers may share the work directory.
 */
public class LocalProcessComputeDriver implements ComputeDriver {

    private static final Logger log = LoggerFactory.getLogger(LocalProcessComputeDriver.class);
    /** In a node's directory: its host is lost, its guest is not kept. */
    public static final String HOST_LOST = "host-lost";
    private static final String DESTROYING = "destroying";
    private static final String ROLE = "role";

    private final LocalComputeProperties properties;
    private final Path workDir;
    private final String guestAmqpUri;
    private final LocalFirewall firewall;
    private final GuestLauncher guests;
    private final LostHosts lostHosts;

    public LocalProcessComputeDriver(LocalComputeProperties properties, String guestAmqpUri) {
        this.properties = properties;
        this.workDir = properties.workDir().toAbsolutePath();
        this.guests = new GuestLauncher(properties, workDir);
        this.guestAmqpUri = guestAmqpUri;
        this.firewall = properties.firewall() == FirewallMode.IPTABLES ? new IptablesFirewall(properties.iptables())
                : new UnenforcedFirewall();
        this.lostHosts = new LostHosts(firewall);
    }

    /** Gets ready to start guest agents quickly, in the background; the first node's start need not wait for it. */
    public void prepareGuestStarts() {
        guests.prepareStarts();
    }

    @Override
    public synchronized NodePlacement provision(NodeSpec spec) throws ComputeException {
        Path nodeDir = nodeDir(spec.nodeId());
        NodePlacement placement = new NodePlacement(spec.nodeId(), spec.address(), "localhost");
        try {
            NodeDirectory.createPrivate(nodeDir);
            try (NodeLock ignored = NodeLock.create(nodeDir)) {
                if (guests.running(nodeDir).isPresent()) {
                    return placement;
                }
                writeGuestConfig(spec, nodeDir);
                if (spec.role() != null && !Files.exists(nodeDir.resolve(ROLE))) {
                    Files.writeString(nodeDir.resolve(ROLE), spec.role().name());
                }
                GuestBrokerFile.write(nodeDir, GuestProperties.nodeBrokerUri(spec, guestAmqpUri));
                long pid = guests.start(nodeDir);
                log.info("node {}: guest agent started as pid {} on {}", spec.nodeId(), pid, spec.address());
            }
            return placement;
        } catch (IOException e) {
            throw new ComputeException("could not start the guest agent of node " + spec.nodeId() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Starts the guest agent of every node whose guest is gone, so that it adopts its running server again (or starts
     * it, as after a control-plane restart). A node being destroyed is left alone, and so is one another task manager
     * holds at the moment: its next pass looks again. A node whose host is marked lost runs nothing and, with iptables,
     * is unreachable; once the mark is gone (its host came back) it is reachable again and its guest started.
     *
     * @return the nodes whose guest was started again
     */
    public List<String> restartLostGuests() {
        List<String> restarted = new ArrayList<>();
        List<Path> nodeDirs = ownedNodeDirs();
        // a node destroyed meanwhile gives its address back, whatever became of its mark
        lostHosts.keepOnly(nodeDirs.stream().map(dir -> dir.getFileName().toString()).toList());
        for (Path nodeDir : nodeDirs) {
            String nodeId = nodeDir.getFileName().toString();
            if (Files.exists(nodeDir.resolve(HOST_LOST))) {
                keepLost(nodeDir);
                continue;
            }
            lostHosts.cameBack(nodeId);
            if (leftAlone(nodeDir) || guests.running(nodeDir).isPresent()) {
                continue;
            }
            synchronized (this) {
                try (NodeLock lock = NodeLock.tryExisting(nodeDir).orElse(null)) {
                    if (lock == null || leftAlone(nodeDir) || guests.running(nodeDir).isPresent()) {
                        continue;
                    }
                    long pid = guests.start(nodeDir);
                    restarted.add(nodeId);
                    log.warn("node {}: its guest agent was gone; started it again as pid {}", nodeId, pid);
                } catch (IOException e) {
                    log.error("node {}: could not start its guest agent again: {}", nodeId, e.toString());
                }
            }
        }
        return restarted;
    }

    /** Under the node's lock, so that a destroy, which gives the address back, never runs beside it. */
    private synchronized void keepLost(Path nodeDir) {
        try (NodeLock lock = NodeLock.tryExisting(nodeDir).orElse(null)) {
            if (lock != null && !Files.exists(nodeDir.resolve(DESTROYING))) {
                lostHosts.keepLost(nodeDir);
            }
        } catch (IOException e) {
            log.error("node {}: could not keep its lost host down: {}", nodeDir.getFileName(), e.toString());
        }
    }

    /**
     * As if the node's host were lost: its guest and server are killed at once, its address dropped where iptables is
     * used, and its guest is not started again until the mark ({@link #HOST_LOST} in its directory) is removed.
     */
    public synchronized void markHostLost(String nodeId) throws ComputeException {
        Path nodeDir = nodeDir(nodeId);
        try (NodeLock ignored = NodeLock.create(nodeDir)) {
            Files.writeString(nodeDir.resolve(HOST_LOST), "");
        } catch (IOException e) {
            throw new ComputeException("could not mark the host of node " + nodeId + " lost: " + e.getMessage(), e);
        }
        lostHosts.keepLost(nodeDir);
        log.warn("node {}: its host is marked lost; its processes were killed", nodeId);
    }

    /**
     * Kills the node's processes; the keeper starts its guest again, which starts the server refusing writes until the
     * control plane confirms it as a master, which a fenced master no longer is.
     */
    @Override
    public synchronized void stop(String nodeId) {
        Path nodeDir = nodeDir(nodeId);
        if (Files.isDirectory(nodeDir)) {
            NodeProcesses.kill(nodeDir);
            log.warn("node {}: its processes were killed to fence it", nodeId);
        }
    }

    /**
     * Kept in the node's directory as bookkeeping only: a local node's address does not follow its role, clients are
     * pointed at the new master by the task manager.
     */
    @Override
    public synchronized void assignRole(String nodeId, Role role) throws ComputeException {
        Path nodeDir = nodeDir(nodeId);
        if (!Files.isRegularFile(nodeDir.resolve(GuestProperties.GUEST_FILE))) {
            return;
        }
        try {
            Files.writeString(nodeDir.resolve(ROLE), role == null ? "" : role.name());
        } catch (IOException e) {
            throw new ComputeException("could not record the role of node " + nodeId + ": " + e.getMessage(), e);
        }
    }

    /** Every local node reaches every other on the one host: a group changes neither names nor access here. */
    @Override
    public void assignGroup(String nodeId, String group) {
    }

    /** The role last assigned to the node, if any. */
    public Optional<Role> role(String nodeId) {
        try {
            String role = Files.readString(nodeDir(nodeId).resolve(ROLE)).trim();
            return role.isEmpty() ? Optional.empty() : Optional.of(Role.valueOf(role));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Local nodes share the host's filesystem: there is no volume of the node's own to grow. */
    @Override
    public void resizeVolume(String nodeId, int sizeGb) {
        log.info("node {}: its volume is the host's filesystem; nothing to grow to {} GB", nodeId, sizeGb);
    }

    private static boolean leftAlone(Path nodeDir) {
        return Files.exists(nodeDir.resolve(DESTROYING)) || Files.exists(nodeDir.resolve(HOST_LOST));
    }

    /**
     * Points the guest of every node in the work directory at this control plane's broker; see
     * {@link BrokerRepointing}.
     *
     * @return how many nodes were pointed at the broker
     */
    public int pointGuestsAtBroker(Consumer<GuestBrokerAccount> prepare) {
        return new BrokerRepointing(guestAmqpUri).pointAll(ownedNodeDirs(), prepare, workDir);
    }

    /** A node's directory is one with a guest config; the shared stores and the agent jar live in dot-directories. */
    private List<Path> ownedNodeDirs() {
        if (!Files.isDirectory(workDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(workDir)) {
            return children.filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().startsWith("."))
                    .filter(dir -> Files.isRegularFile(dir.resolve("guest.properties")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.error("could not list the nodes in {}: {}", workDir, e.toString());
            return List.of();
        }
    }

    @Override
    public ServerStatus status(String nodeId) {
        Path nodeDir = nodeDir(nodeId);
        if (!Files.isDirectory(nodeDir)) {
            return ServerStatus.UNKNOWN;
        }
        return guests.running(nodeDir).isPresent() ? ServerStatus.ACTIVE : ServerStatus.SHUTOFF;
    }

    @Override
    public FirewallReport applyFirewall(NodeFirewall wanted) throws ComputeException {
        try {
            Files.createDirectories(nodeDir(wanted.nodeId()));
        } catch (IOException e) {
            throw new ComputeException("could not create the directory of node " + wanted.nodeId() + ": "
                    + e.getMessage(), e);
        }
        return firewall.apply(wanted);
    }

    /**
     * Marked first, so that no keeper starts the guest again while it goes; the firewall goes before the directory: a
     * failure leaves the directory, and the next destroy tries again.
     */
    @Override
    public synchronized void destroy(String nodeId) throws ComputeException {
        Path nodeDir = nodeDir(nodeId);
        try {
            if (Files.isDirectory(nodeDir)) {
                try (NodeLock ignored = NodeLock.create(nodeDir)) {
                    Files.writeString(nodeDir.resolve(DESTROYING), "");
                }
            }
            NodeProcesses.terminate(nodeDir);
            firewall.remove(nodeId);
            lostHosts.forget(nodeId);
            NodeDirectory.deleteRecursively(nodeDir);
        } catch (IOException | UncheckedIOException e) {
            throw new ComputeException("could not remove " + nodeDir + ": " + e.getMessage(), e);
        }
        log.info("node {}: processes stopped and {} removed", nodeId, nodeDir);
    }

    public Path nodeDir(String nodeId) {
        if (!nodeId.matches("[0-9a-fA-F-]{36}")) {
            throw new IllegalArgumentException("not a node id: " + nodeId);
        }
        return workDir.resolve(nodeId);
    }

    /** The node's secret reaches its guest only through this file, readable by the owner alone. */
    private void writeGuestConfig(NodeSpec spec, Path nodeDir) throws IOException {
        Properties config = GuestProperties.guest(spec, nodeDir.toString(), guestAmqpUri,
                properties.heartbeatInterval(), (properties.snapshotDir() != null
                        ? properties.snapshotDir().toAbsolutePath() : workDir.resolve(".snapshots")).toString(),
                properties.backupStore().toString(), properties.guestSettings());
        Path file = nodeDir.resolve(GuestProperties.GUEST_FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(file)) {
            config.store(writer, "Shoal guest agent of node " + spec.nodeId());
        }
    }
}

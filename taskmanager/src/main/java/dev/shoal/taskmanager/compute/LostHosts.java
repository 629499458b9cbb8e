package dev.shoal.taskmanager.compute;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nodes whose host is marked lost: they run nothing and, where the firewall can, their address drops every packet, so
 * that whoever connects waits out a timeout as with a host that is gone. Once the mark is removed their address is
 * reachable again.
 */
final class LostHosts {

    private static final Logger log = LoggerFactory.getLogger(LostHosts.class);

    private final LocalFirewall firewall;
    /** Nodes made unreachable here, to be reachable again once their host is no longer marked lost. */
    private final Set<String> isolated = ConcurrentHashMap.newKeySet();

    LostHosts(LocalFirewall firewall) {
        this.firewall = firewall;
    }

    void keepLost(Path nodeDir) {
        String nodeId = nodeDir.getFileName().toString();
        NodeProcesses.kill(nodeDir);
        if (isolated.contains(nodeId)) {
            // isolated already: the keeper comes by every interval, and each look at iptables is a process of its own
            return;
        }
        try {
            firewall.isolate(nodeId, NodeGuestConfig.of(nodeDir).address());
            isolated.add(nodeId);
        } catch (ComputeException | IOException e) {
            log.error("node {}: its address could not be dropped: {}", nodeId, e.getMessage());
        }
    }

    /** The node's firewall, its isolation with it, was removed with the node. */
    void forget(String nodeId) {
        isolated.remove(nodeId);
    }

    /** Nodes isolated here that no longer exist get their address back: it may be given to a new node. */
    void keepOnly(Collection<String> existing) {
        for (String nodeId : List.copyOf(isolated)) {
            if (!existing.contains(nodeId)) {
                cameBack(nodeId);
            }
        }
    }

    /** The node's host is not marked lost (any more): its address is given back if it was taken here. */
    void cameBack(String nodeId) {
        if (!isolated.remove(nodeId)) {
            return;
        }
        try {
            firewall.reconnect(nodeId);
        } catch (ComputeException e) {
            isolated.add(nodeId);
            log.error("node {}: its address could not be given back: {}", nodeId, e.getMessage());
        }
    }
}

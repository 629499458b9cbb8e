package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.Role;
import dev.shoal.datastore.control.ClusterNode;
import dev.shoal.domain.node.Node;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** A node row as a datastore's cluster strategy sees it; a role it takes is written to the row. */
record TaskClusterNode(Node node, Clock clock) implements ClusterNode {

    /** The row behind a node a strategy handed back. */
    static Node entity(ClusterNode node) {
        if (node instanceof TaskClusterNode row) {
            return row.node();
        }
        throw new IllegalArgumentException("node " + node.id() + " is not one the task manager gave");
    }

    @Override
    public UUID id() {
        return node.getId();
    }

    @Override
    public String name() {
        return node.getName();
    }

    @Override
    public String ip() {
        return node.getIp();
    }

    @Override
    public String type() {
        return node.getType();
    }

    @Override
    public String region() {
        return node.getRegion();
    }

    @Override
    public Instant created() {
        return node.getCreated();
    }

    @Override
    public Role role() {
        return node.getRole();
    }

    @Override
    public boolean hasRole(Role wanted) {
        return node.hasRole(wanted);
    }

    @Override
    public void takeRole(Role role) {
        node.takeRole(role, clock.instant());
    }
}

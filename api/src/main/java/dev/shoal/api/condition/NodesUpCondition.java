package dev.shoal.api.condition;

import dev.shoal.domain.node.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether every node of a ring is up. A node down only briefly (a guest restarting its crashed server, a heartbeat
 * or two missed) does not count until the grace has passed. Nothing replaces a node by itself: the message says so,
 * because a ring's node can come back with its data, and a replacement streams it all again.
 */
final class NodesUpCondition {

    static final String TYPE = "NodesUp";
    private static final Set<NodeStatus> DOWN = Set.of(NodeStatus.SHUTDOWN, NodeStatus.CRASHED, NodeStatus.FAILED);

    private NodesUpCondition() {
    }

    /**
     * A node as this condition sees it.
     *
     * @param status     the status users see of it
     * @param downSince  when it went down, as best known; null while it is not
     * @param definitely its guest, still heard, says its server is stopped or failed: no grace to wait
     */
    record NodeHealth(String name, NodeStatus status, Instant downSince, boolean definitely) {

        boolean isDown() {
            return DOWN.contains(status) && downSince != null;
        }
    }

    static Condition of(List<NodeHealth> nodes, Duration grace, Instant now) {
        List<NodeHealth> down = nodes.stream().filter(NodeHealth::isDown)
                .filter(node -> node.definitely() || !node.downSince().plus(grace).isAfter(now))
                .sorted(Comparator.comparing(NodeHealth::downSince)).toList();
        if (down.isEmpty()) {
            List<String> brief = nodes.stream().filter(NodeHealth::isDown).map(NodeHealth::name).toList();
            return Condition.holds(TYPE, "AllNodesUp", brief.isEmpty() ? "every node is up"
                    : "down for less than " + grace + " (not yet counted): " + String.join(", ", brief), null);
        }
        String which = down.stream().map(node -> node.name() + " is " + node.status() + " since " + node.downSince())
                .collect(Collectors.joining(", "));
        return Condition.fails(TYPE, "NodeDown", which + ". Nothing replaces a node by itself: bring it back, or"
                        + " replace it with the cluster action replace_node",
                down.stream().map(NodeHealth::downSince).filter(Objects::nonNull).min(Instant::compareTo)
                        .orElse(null));
    }
}

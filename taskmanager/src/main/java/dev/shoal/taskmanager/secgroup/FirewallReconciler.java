package dev.shoal.taskmanager.secgroup;

import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.compute.ServerStatus;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, every live node the compute driver holds gets its security group applied again: a restarted task
 * manager finds its predecessor's firewalls (the same rules change nothing), and one started with another
 * firewall setting, or after a migration gave nodes their groups, brings every node to it.
 */
@Component
class FirewallReconciler {

    private static final Logger log = LoggerFactory.getLogger(FirewallReconciler.class);

    private final NodeRepository nodes;
    private final SecurityGroupEnforcer enforcer;
    private final ComputeDriver compute;
    private final TransactionTemplate transactions;

    FirewallReconciler(NodeRepository nodes, SecurityGroupEnforcer enforcer, ComputeDriver compute,
                       TransactionTemplate transactions) {
        this.nodes = nodes;
        this.enforcer = enforcer;
        this.compute = compute;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        for (Node node : nodes.findAllByDeletedAtIsNull()) {
            if (node.getIp() != null && compute.status(node.getId().toString()) != ServerStatus.UNKNOWN) {
                reconcile(node.getId());
            }
        }
    }

    private void reconcile(UUID nodeId) {
        try {
            transactions.executeWithoutResult(status -> {
                try {
                    enforcer.enforce(nodes.findById(nodeId).orElseThrow());
                } catch (ComputeException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            log.warn("node {}: its security group could not be applied at start: {}", nodeId, e.getMessage());
            transactions.executeWithoutResult(status -> enforcer.failed(nodes.findById(nodeId).orElseThrow(),
                    "not applied when the task manager started: " + e.getMessage()));
        }
    }
}

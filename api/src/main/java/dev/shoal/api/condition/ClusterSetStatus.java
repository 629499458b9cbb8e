package dev.shoal.api.condition;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.condition.NodesUpCondition.NodeHealth;
import dev.shoal.contracts.Role;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.domain.cluster.Cluster;
import dev.shoal.domain.failover.ReplicationSets;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeStatus;
import dev.shoal.domain.node.NodeStatusRule;
import dev.shoal.domain.node.ServiceStatusRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A cluster's endpoints and conditions, by the roles its datastore's nodes take: a master and replicas are a
 * replication set; a primary and secondaries elect their writer, which their drivers find from any member; peers of a
 * ring all take reads and writes.
 */
@Component
public class ClusterSetStatus {

    private final ReplicationSets sets;
    private final ReplicationSetConditions conditions;
    private final CatalogReferences catalog;
    private final ApiProperties properties;
    private final Clock clock;

    ClusterSetStatus(ReplicationSets sets, ReplicationSetConditions conditions, CatalogReferences catalog,
                     ApiProperties properties, Clock clock) {
        this.sets = sets;
        this.conditions = conditions;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    public SetStatus of(Cluster cluster, List<Node> nodes, Map<UUID, ServiceStatusRecord> statuses) {
        DatastoreDescriptor datastore = catalog.descriptor(cluster.getDatastoreVersionId());
        int port = datastore.clientPort();
        if (datastore.roles().contains(Role.MASTER)) {
            return new SetStatus(Endpoints.of(addressOf(nodes, Role.MASTER), addresses(nodes, Role.REPLICA), port),
                    sets.ofCluster(cluster.getId()).map(conditions::of).orElse(null), cluster.isAutoFailover());
        }
        if (datastore.roles().contains(Role.PRIMARY)) {
            return new SetStatus(Endpoints.of(addressOf(nodes, Role.PRIMARY), addresses(nodes, Role.SECONDARY),
                    port), null, null);
        }
        // an arbiter holds no data and serves no client
        List<String> every = nodes.stream().filter(node -> DatastoreDescriptor.MEMBER.equals(node.getType()))
                .map(Node::getIp).toList();
        List<Condition> up = datastore.roles().contains(Role.SEED) ? List.of(NodesUpCondition.of(nodes.stream()
                .map(node -> health(node, statuses.get(node.getId()))).toList(), properties.nodeDownGrace(),
                clock.instant())) : null;
        return new SetStatus(Endpoints.of(null, every, port), up, null);
    }

    private NodeHealth health(Node node, ServiceStatusRecord service) {
        Instant now = clock.instant();
        Instant heard = service == null ? null : service.getUpdatedAt();
        NodeStatus status = NodeStatusRule.derive(node.getTask(), service == null ? null : service.getStatus(),
                heard, now, properties.heartbeatExpiry());
        if (heard == null) {
            return new NodeHealth(node.getName(), status, null, false);
        }
        if (heard.plus(properties.heartbeatExpiry()).isBefore(now)) {
            // silent: down since it was last heard from
            return new NodeHealth(node.getName(), status, heard, false);
        }
        if (status == NodeStatus.CRASHED) {
            // its guest may be starting the server again: the grace counts from the crash
            return new NodeHealth(node.getName(), status, service.getLastCrash() != null ? service.getLastCrash()
                    : heard, false);
        }
        // a guest still heard saying its server is stopped or failed is believed at once; when that began is not
        // kept, so its last report stands for it
        return new NodeHealth(node.getName(), status, heard, true);
    }

    private static String addressOf(List<Node> nodes, Role role) {
        return nodes.stream().filter(node -> node.hasRole(role)).map(Node::getIp).findFirst().orElse(null);
    }

    private static List<String> addresses(List<Node> nodes, Role role) {
        return nodes.stream().filter(node -> node.hasRole(role)).map(Node::getIp).toList();
    }
}

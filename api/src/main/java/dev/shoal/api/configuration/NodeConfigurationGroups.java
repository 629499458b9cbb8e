package dev.shoal.api.configuration;

import dev.shoal.api.system.ApiException;
import dev.shoal.datastore.Datastore;
import dev.shoal.datastore.Datastores;
import dev.shoal.domain.configuration.Configuration;
import dev.shoal.domain.configuration.ConfigurationRepository;
import dev.shoal.domain.configuration.ConfigurationValue;
import dev.shoal.domain.configuration.ConfigurationValueRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The seed's auto-created groups: each node of a cluster gets a group of its own holding the settings it runs
 * with alike with its cluster ({@link Datastore#clusterSettings}, read-only). It shows those merged with the tenant's group
 * the cluster was created with, cannot be changed, detached or deleted, and goes with its node.
 */
@Component
public class NodeConfigurationGroups {

    private final ConfigurationRepository configurations;
    private final ConfigurationValueRepository values;
    private final NodeRepository nodes;
    private final Clock clock;

    NodeConfigurationGroups(ConfigurationRepository configurations, ConfigurationValueRepository values,
                            NodeRepository nodes, Clock clock) {
        this.configurations = configurations;
        this.values = values;
        this.nodes = nodes;
        this.clock = clock;
    }

    /** Creates the node's own group; call in the transaction that creates the node. */
    public Configuration create(Node node, String clusterName, String manager) {
        Configuration own = configurations.save(Configuration.ofNode(node.getTenantId(), node.getName(),
                "Settings node " + node.getName() + " shares with cluster " + clusterName + " (read-only)",
                node.getDatastoreVersionId(), node.getId(), clock.instant()));
        Datastores.named(manager).clusterSettings(node.getClusterId().toString()).forEach((name, value) ->
                values.save(new ConfigurationValue(own.getId(), name, value)));
        return own;
    }

    public Optional<UUID> of(UUID nodeId) {
        return configurations.findByNodeId(nodeId).map(Configuration::getId);
    }

    /** Each node's own group, by node, in one query; a node without one has no entry. */
    public Map<UUID, UUID> ofNodes(Collection<UUID> nodeIds) {
        if (nodeIds.isEmpty()) {
            return Map.of();
        }
        return configurations.findAllByNodeIdIn(nodeIds).stream().collect(Collectors.toMap(
                group -> group.getNodeId().orElseThrow(), Configuration::getId, (a, b) -> a));
    }

    /** What a group shows: its own values, and for a node's group the tenant's group's values merged in. */
    Map<String, String> shownValues(Configuration configuration) {
        Map<String, String> shown = new TreeMap<>();
        configuration.getNodeId().flatMap(nodes::findById).map(Node::getConfigurationId)
                .ifPresent(userGroup -> shown.putAll(values.valuesOf(userGroup)));
        shown.putAll(values.valuesOf(configuration.getId()));
        return shown;
    }

    /** The node a node's group belongs to, for its instances list. */
    Optional<Node> nodeOf(Configuration configuration) {
        return configuration.getNodeId().flatMap(nodes::findById).filter(node -> node.getDeletedAt() == null);
    }

    void refuseChange(Configuration configuration, String change) {
        configuration.getNodeId().ifPresent(node -> {
            throw ApiException.conflict("configuration " + configuration.getId() + " is node " + node
                    + "'s own group and cannot be " + change + "; change the cluster's configuration group instead");
        });
    }
}

package dev.shoal.api.configuration;

import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.Links;
import dev.shoal.api.system.TroveTime;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.configuration.Configuration;
import dev.shoal.domain.configuration.ConfigurationRepository;
import dev.shoal.domain.configuration.ConfigurationValue;
import dev.shoal.domain.configuration.ConfigurationValueRepository;
import dev.shoal.domain.configuration.ParameterDefinition;
import dev.shoal.domain.configuration.ParameterDefinitionRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Configuration groups: values checked against the version's parameter metadata, and every change to a group
 * reaching the instances and cluster nodes it is attached to.
 */
@Service
public class ConfigurationService {

    private final ConfigurationRepository configurations;
    private final ConfigurationValueRepository values;
    private final ParameterDefinitionRepository definitions;
    private final DatastoreVersionRepository versions;
    private final InstanceRepository instances;
    private final NodeRepository nodes;
    private final CatalogReferences catalog;
    private final ConfigurationApplier applier;
    private final NodeConfigurationGroups nodeGroups;
    private final Links links;
    private final Clock clock;

    ConfigurationService(ConfigurationRepository configurations, ConfigurationValueRepository values,
                         ParameterDefinitionRepository definitions, DatastoreVersionRepository versions,
                         InstanceRepository instances, NodeRepository nodes, CatalogReferences catalog,
                         ConfigurationApplier applier, NodeConfigurationGroups nodeGroups, Links links, Clock clock) {
        this.nodeGroups = nodeGroups;
        this.configurations = configurations;
        this.values = values;
        this.definitions = definitions;
        this.versions = versions;
        this.instances = instances;
        this.nodes = nodes;
        this.catalog = catalog;
        this.applier = applier;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    ConfigurationView create(String tenantId, ConfigurationRequests.Envelope request) {
        ConfigurationRequests.Body body = request == null ? null : request.configuration();
        if (body == null || body.name() == null || body.name().isBlank()) {
            throw ApiException.invalid("configuration.name", "is required");
        }
        ConfigurationTexts.check(body);
        if (body.datastore() == null || body.datastore().type() == null || body.datastore().type().isBlank()) {
            throw ApiException.invalid("configuration.datastore.type", "is required");
        }
        DatastoreVersion version = catalog.version(body.datastore().type(), body.datastore().version(),
                "configuration.datastore");
        Map<String, String> checked = ParameterRules.validate(body.values() == null ? Map.of() : body.values(),
                definitionsOf(version.getId()));
        Configuration configuration = configurations.save(new Configuration(tenantId, body.name().strip(),
                body.description(), version.getId(), clock.instant()));
        store(configuration, checked);
        return view(configuration);
    }

    @Transactional(readOnly = true)
    List<ConfigurationView> list(String tenantId) {
        return configurations.findLive(tenantId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    ConfigurationView show(String tenantId, UUID id) {
        return view(find(tenantId, id));
    }

    /** PATCH merges the given values into the group; PUT replaces them all. */
    @Transactional
    ConfigurationView update(String tenantId, UUID id, ConfigurationRequests.Envelope request, boolean replace) {
        Configuration configuration = find(tenantId, id);
        nodeGroups.refuseChange(configuration, "changed");
        ConfigurationRequests.Body body = request == null || request.configuration() == null
                ? new ConfigurationRequests.Body(null, null, null, null) : request.configuration();
        ConfigurationTexts.check(body);
        if (replace && body.values() == null) {
            // a PUT replaces every value: without values it would silently wipe the group
            throw ApiException.invalid("configuration.values", "is required: PUT replaces every value");
        }
        Map<String, String> checked = ParameterRules.validate(body.values() == null ? Map.of() : body.values(),
                definitionsOf(configuration.getDatastoreVersionId()));
        Map<String, String> before = values.valuesOf(id);
        Map<String, String> merged = new HashMap<>(replace ? Map.of() : before);
        merged.putAll(checked);
        configuration.rename(body.name() == null || body.name().isBlank() ? null : body.name().strip(),
                body.description(), clock.instant());
        values.deleteAllOf(id);
        store(configuration, merged);
        attached(id).forEach(instance -> applier.apply(instance, id, before));
        clusterNodes(id).stream().map(Node::getClusterId).distinct()
                .forEach(clusterId -> applier.applyToCluster(tenantId, clusterId, id, before));
        return view(configuration);
    }

    @Transactional
    void delete(String tenantId, UUID id) {
        Configuration configuration = find(tenantId, id);
        nodeGroups.refuseChange(configuration, "deleted");
        List<String> using = new ArrayList<>(attached(id).stream().map(i -> i.getId().toString()).toList());
        clusterNodes(id).stream().map(node -> "cluster " + node.getClusterId()).distinct().forEach(using::add);
        if (!using.isEmpty()) {
            throw ApiException.conflict("configuration " + id + " is attached to " + using
                    + "; detach it or delete the cluster first");
        }
        configuration.markDeleted(clock.instant());
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> instancesOf(String tenantId, UUID id) {
        Configuration configuration = find(tenantId, id);
        if (configuration.getNodeId().isPresent()) {
            return nodeGroups.nodeOf(configuration).stream().map(node -> Map.<String, Object>of("id", node.getId(),
                    "name", node.getName(), "cluster_id", node.getClusterId())).toList();
        }
        List<Map<String, Object>> using = new ArrayList<>(attached(id).stream()
                .map(instance -> Map.<String, Object>of("id", instance.getId(), "name", instance.getName())).toList());
        // Trove lists a cluster's members among the instances, with the cluster they belong to
        clusterNodes(id).forEach(node -> using.add(Map.of("id", node.getId(), "name", node.getName(),
                "cluster_id", node.getClusterId())));
        return using;
    }

    Map<String, ParameterDefinition> definitionsOf(UUID versionId) {
        return definitions.findAllByKeyDatastoreVersionIdOrderByKeyName(versionId).stream()
                .collect(Collectors.toMap(ParameterDefinition::getName, Function.identity()));
    }

    private void store(Configuration configuration, Map<String, String> checked) {
        checked.forEach((name, value) -> values.save(new ConfigurationValue(configuration.getId(), name, value)));
    }

    private int instanceCount(Configuration configuration) {
        return configuration.getNodeId().isPresent() ? nodeGroups.nodeOf(configuration).isPresent() ? 1 : 0
                : attached(configuration.getId()).size() + clusterNodes(configuration.getId()).size();
    }

    private List<Instance> attached(UUID id) {
        return instances.findAllByConfigurationIdAndDeletedAtIsNullOrderByCreated(id);
    }

    private List<Node> clusterNodes(UUID id) {
        return nodes.findAllByConfigurationIdAndClusterIdIsNotNullAndDeletedAtIsNull(id);
    }

    private Configuration find(String tenantId, UUID id) {
        return configurations.findByIdAndTenantIdAndDeletedAtIsNull(id, tenantId)
                .orElseThrow(() -> ApiException.notFound("configuration " + id));
    }

    private ConfigurationView view(Configuration configuration) {
        DatastoreVersion version = versions.findById(configuration.getDatastoreVersionId()).orElseThrow();
        return new ConfigurationView(configuration.getId(), configuration.getName(), configuration.getDescription(),
                ParameterRules.typed(nodeGroups.shownValues(configuration), definitionsOf(version.getId())),
                version.getDatastore().getName(), version.getId(),
                version.getName(), instanceCount(configuration), TroveTime.format(configuration.getCreated()),
                TroveTime.format(configuration.getUpdated()),
                links.of(configuration.getTenantId(), "configurations/" + configuration.getId()));
    }
}

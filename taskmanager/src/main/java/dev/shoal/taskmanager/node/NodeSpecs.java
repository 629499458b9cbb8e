package dev.shoal.taskmanager.node;

import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.RestorePoint;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.catalog.Flavor;
import dev.shoal.domain.catalog.FlavorRepository;
import dev.shoal.domain.configuration.ConfigurationValueRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.taskmanager.compute.NodeSpec;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What a node is, read from the catalog: as its compute driver places it, and as its guest prepares it. */
@Component
class NodeSpecs {

    private final DatastoreVersionRepository versions;
    private final FlavorRepository flavors;
    private final ConfigurationValueRepository configurationValues;
    private final NodeGroups groups;

    NodeSpecs(DatastoreVersionRepository versions, FlavorRepository flavors,
              ConfigurationValueRepository configurationValues, NodeGroups groups) {
        this.versions = versions;
        this.flavors = flavors;
        this.configurationValues = configurationValues;
        this.groups = groups;
    }

    NodeSpec spec(Node node) {
        DatastoreVersion version = version(node);
        Flavor flavor = flavor(node);
        return new NodeSpec(node.getId().toString(), node.getTenantId(), groups.of(node),
                node.getRole(), node.getRegion(), version.getDatastore().getManager(), version.getName(),
                flavor.getRamMb(), flavor.getVcpus(), node.getVolumeSize(), node.getIp(), node.secret().orElseThrow());
    }

    /** @param sealedPassword the datastore's admin password, sealed for the node */
    Prepare prepare(Node node, String sealedPassword, ClusterMember cluster, RestorePoint restorePoint) {
        DatastoreVersion version = version(node);
        return new Prepare(version.getDatastore().getManager(), version.getName(), flavor(node).getRamMb(),
                node.getVolumeSize(), sealedPassword, cluster, node.getConfigurationId() == null ? Map.of()
                        : configurationValues.valuesOf(node.getConfigurationId()), restorePoint);
    }

    private DatastoreVersion version(Node node) {
        return versions.findById(node.getDatastoreVersionId()).orElseThrow();
    }

    private Flavor flavor(Node node) {
        return flavors.findById(node.getFlavorId()).orElseThrow();
    }
}

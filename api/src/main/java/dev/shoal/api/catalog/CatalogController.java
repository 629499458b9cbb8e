package dev.shoal.api.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.system.ApiException;
import dev.shoal.domain.capability.Capabilities;
import dev.shoal.api.system.Links;
import dev.shoal.domain.catalog.Datastore;
import dev.shoal.domain.catalog.DatastoreRepository;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.catalog.Flavor;
import dev.shoal.domain.catalog.FlavorRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What can be created, as Trove answers it. */
@RestController
@RequestMapping("/v1.0/{tenantId}")
@Transactional(readOnly = true)
class CatalogController {

    private final DatastoreRepository datastores;
    private final DatastoreVersionRepository versions;
    private final FlavorRepository flavors;
    private final Capabilities capabilities;
    private final CatalogReferences references;
    private final Links links;

    CatalogController(DatastoreRepository datastores, DatastoreVersionRepository versions, FlavorRepository flavors,
                      Capabilities capabilities, CatalogReferences references, Links links) {
        this.references = references;
        this.capabilities = capabilities;
        this.datastores = datastores;
        this.versions = versions;
        this.flavors = flavors;
        this.links = links;
    }

    @GetMapping("/datastores")
    Map<String, List<DatastoreView>> datastores(@PathVariable String tenantId) {
        return Map.of("datastores", datastores.findAllByOrderByName().stream()
                .map(d -> datastoreView(tenantId, d)).toList());
    }

    @GetMapping("/datastores/{datastore}")
    Map<String, DatastoreView> datastore(@PathVariable String tenantId, @PathVariable String datastore) {
        return Map.of("datastore", datastoreView(tenantId, find(datastore)));
    }

    @GetMapping("/datastores/{datastore}/versions")
    Map<String, List<VersionView>> versions(@PathVariable String tenantId, @PathVariable String datastore) {
        Datastore found = find(datastore);
        return Map.of("versions", versions.findAllByDatastoreIdOrderByName(found.getId()).stream()
                .map(v -> versionView(tenantId, v)).toList());
    }

    /** A version by its id or its name, with the capabilities it offers standalone instances and clusters. */
    @GetMapping("/datastores/{datastore}/versions/{version}")
    Map<String, VersionView> version(@PathVariable String tenantId, @PathVariable String datastore,
                                     @PathVariable String version) {
        return Map.of("version", versionView(tenantId, references.versionAt(datastore, version)));
    }

    @GetMapping("/datastores/versions/{versionId}")
    Map<String, VersionView> versionById(@PathVariable String tenantId, @PathVariable UUID versionId) {
        return Map.of("version", versionView(tenantId, versions.findById(versionId)
                .orElseThrow(() -> ApiException.notFound("datastore version " + versionId))));
    }

    @GetMapping("/flavors")
    Map<String, List<FlavorView>> flavors(@PathVariable String tenantId) {
        return Map.of("flavors", flavors.findAllByOrderByRamMbAscIdAsc().stream()
                .map(f -> flavorView(tenantId, f)).toList());
    }

    @GetMapping("/flavors/{flavorId}")
    Map<String, FlavorView> flavor(@PathVariable String tenantId, @PathVariable String flavorId) {
        return Map.of("flavor", flavorView(tenantId, flavors.findById(flavorId)
                .orElseThrow(() -> ApiException.notFound("flavor " + flavorId))));
    }

    private Datastore find(String idOrName) {
        return references.datastore(idOrName).orElseThrow(() -> ApiException.notFound("datastore " + idOrName));
    }


    private DatastoreView datastoreView(String tenantId, Datastore datastore) {
        return new DatastoreView(datastore.getId(), datastore.getName(), datastore.getDefaultVersionId(),
                versions.findAllByDatastoreIdOrderByName(datastore.getId()).stream()
                        .map(v -> versionView(tenantId, v)).toList(),
                links.of(tenantId, "datastores/" + datastore.getId()));
    }

    private VersionView versionView(String tenantId, DatastoreVersion version) {
        return new VersionView(version.getId(), version.getName(), version.getName(), version.getDatastore().getId(),
                version.isActive() ? 1 : 0, version.getImage(), version.getPackages(),
                capabilities.of(version.getId()).stream().map(CapabilityView::of).toList(),
                links.of(tenantId, "datastores/versions/" + version.getId()));
    }

    private FlavorView flavorView(String tenantId, Flavor flavor) {
        return new FlavorView(flavor.getId(), flavor.getId(), flavor.getName(), flavor.getRamMb(), flavor.getVcpus(),
                flavor.getDiskGb(), links.of(tenantId, "flavors/" + flavor.getId()));
    }

    record DatastoreView(UUID id, String name, @JsonProperty("default_version") UUID defaultVersion,
                         List<VersionView> versions, List<Links.Link> links) {
    }

    /** {@code version} is Trove's version number beside the name; Shoal names each version by its number. */
    record VersionView(UUID id, String name, String version, UUID datastore, int active, String image, String packages,
                       List<CapabilityView> capabilities, List<Links.Link> links) {
    }

    record CapabilityView(String name, String description, boolean enabled,
                          @JsonProperty("enabled_cluster") boolean enabledCluster) {

        static CapabilityView of(Capabilities.Effective capability) {
            return new CapabilityView(capability.name(), capability.description(), capability.enabled(),
                    capability.enabledCluster());
        }
    }

    record FlavorView(String id, @JsonProperty("str_id") String strId, String name, int ram, int vcpus, int disk,
                      List<Links.Link> links) {
    }
}

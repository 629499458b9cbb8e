package dev.shoal.api.catalog;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.Uuids;
import dev.shoal.datastore.Ability;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.datastore.Datastores;
import dev.shoal.domain.capability.Capabilities;
import dev.shoal.domain.catalog.Datastore;
import dev.shoal.domain.catalog.DatastoreRepository;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.catalog.FlavorRepository;
import dev.shoal.domain.configuration.ConfigurationRepository;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Resolves what create requests name from the catalog (datastore and version, flavor, configuration group),
 * answering 422 with the request's own field name when the reference leads nowhere.
 */
@Component
public class CatalogReferences {

    private final DatastoreRepository datastores;
    private final DatastoreVersionRepository versions;
    private final FlavorRepository flavors;
    private final ConfigurationRepository configurations;
    private final Capabilities capabilities;
    private final VersionNames names;

    CatalogReferences(DatastoreRepository datastores, DatastoreVersionRepository versions, FlavorRepository flavors,
                      ConfigurationRepository configurations, Capabilities capabilities, VersionNames names) {
        this.capabilities = capabilities;
        this.names = names;
        this.datastores = datastores;
        this.versions = versions;
        this.flavors = flavors;
        this.configurations = configurations;
    }

    /** @param field the request's datastore field, e.g. {@code cluster.datastore} */
    public DatastoreVersion version(String type, String version, String field) {
        Datastore datastore = datastores.findByName(type.strip()).orElseThrow(() ->
                ApiException.unresolvable(field + ".type", "datastore " + type + " does not exist"));
        DatastoreVersion found = version == null || version.isBlank()
                ? versions.findById(datastore.getDefaultVersionId()).orElseThrow()
                : versions.findByDatastoreIdAndName(datastore.getId(), version.strip()).orElseThrow(() ->
                        ApiException.unresolvable(field + ".version", datastore.getName() + " has no version "
                                + version));
        if (!found.isActive()) {
            throw ApiException.unresolvable(field + ".version", "version " + found.getName() + " is not active");
        }
        return found;
    }

    /** A datastore by its name or its id, as Trove's clients name one. */
    public java.util.Optional<Datastore> datastore(String nameOrId) {
        return datastores.findByName(nameOrId).or(() -> Uuids.parse(nameOrId).flatMap(datastores::findById));
    }

    /** A version named in a path by its datastore's name or id and its own name or id; 404 when there is none. */
    public DatastoreVersion versionAt(String datastore, String version) {
        Datastore found = datastore(datastore).orElseThrow(() -> ApiException.notFound("datastore " + datastore));
        return versions.findByDatastoreIdAndName(found.getId(), version)
                .or(() -> Uuids.parse(version).flatMap(versions::findById)
                        .filter(v -> v.getDatastore().getId().equals(found.getId())))
                .orElseThrow(() -> ApiException.notFound("version " + version + " of " + found.getName()));
    }

    /** The manager of a datastore version: the name of the datastore that decides its nodes' rules. */
    public String manager(UUID versionId) {
        return names.of(versionId).manager();
    }

    /** What the datastore of a version is and can do. */
    public DatastoreDescriptor descriptor(UUID versionId) {
        return Datastores.descriptor(manager(versionId));
    }

    /**
     * What the datastore of a version a request names is and can do.
     *
     * @throws ApiException 422 naming {@code field} when the datastore cannot {@code ability}, or no datastore of the
     *                      catalog's name is installed
     */
    public DatastoreDescriptor descriptor(DatastoreVersion version, Ability ability, String field) {
        String manager = version.getDatastore().getManager();
        DatastoreDescriptor datastore = Datastores.find(manager).map(dev.shoal.datastore.Datastore::descriptor)
                .orElseThrow(() -> ApiException.unresolvable(field, "datastore " + version.getDatastore().getName()
                        + " is in the catalog, but no datastore named " + manager + " is installed"));
        if (!datastore.can(ability)) {
            throw ApiException.unresolvable(field, datastore.displayName() + " does not offer "
                    + ability.name().toLowerCase(java.util.Locale.ROOT));
        }
        return datastore;
    }

    /** @throws ApiException 422 naming the capability when the version does not offer it here */
    public void require(UUID versionId, String capability, boolean cluster) {
        if (!capabilities.allows(versionId, capability, cluster)) {
            DatastoreVersion version = versions.findById(versionId).orElseThrow();
            throw ApiException.capabilityDisabled(capability, version.getDatastore().getName() + " "
                    + version.getName(), cluster);
        }
    }

    /** Trove's clients pass a cluster's configuration as given, often by name: one group of that name it is. */
    private dev.shoal.domain.configuration.Configuration configurationNamed(String tenantId, String name,
                                                                            String field) {
        var named = configurations.findLive(tenantId).stream()
                .filter(group -> group.getNodeId().isEmpty() && group.getName().equals(name)).toList();
        if (named.size() > 1) {
            throw ApiException.unresolvable(field, named.size() + " configuration groups are named '" + name
                    + "'; give the id of one");
        }
        return named.stream().findFirst().orElseThrow(() ->
                ApiException.unresolvable(field, "no configuration group is named '" + name + "'"));
    }

    /** Clients send a flavor's id or its link; either names the same flavor. */
    public String flavor(String flavorRef, String field) {
        String id = flavorId(flavorRef);
        flavors.findById(id).orElseThrow(() -> ApiException.unresolvable(field, "flavor " + id + " does not exist"));
        return id;
    }

    public static String flavorId(String flavorRef) {
        String ref = flavorRef.strip();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    public UUID configuration(String tenantId, String configuration, DatastoreVersion version, String field) {
        if (configuration == null || configuration.isBlank()) {
            return null;
        }
        var group = Uuids.parse(configuration.strip())
                .map(id -> configurations.findByIdAndTenantIdAndDeletedAtIsNull(id, tenantId).orElseThrow(() ->
                        ApiException.unresolvable(field, "configuration " + id + " does not exist")))
                .orElseGet(() -> configurationNamed(tenantId, configuration.strip(), field));
        UUID id = group.getId();
        if (group.getNodeId().isPresent()) {
            throw ApiException.unresolvable(field, "configuration " + id + " is node " + group.getNodeId().get()
                    + "'s own group; give a group of your own");
        }
        if (!group.getDatastoreVersionId().equals(version.getId())) {
            throw ApiException.unresolvable(field, "configuration " + id + " is for another datastore version");
        }
        return id;
    }
}

package dev.shoal.api.cluster;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.RootPassword;
import dev.shoal.api.system.TaskScheduler;
import dev.shoal.contracts.SecretBox;
import dev.shoal.domain.cluster.Cluster;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Trove's cluster root enable. */
@Service
class ClusterRoot {

    private final ClusterLookup lookup;
    private final CatalogReferences catalog;
    private final TaskScheduler scheduler;
    private final JsonMapper json;
    private final ApiProperties properties;
    private final SecureRandom random = new SecureRandom();

    ClusterRoot(ClusterLookup lookup, CatalogReferences catalog, TaskScheduler scheduler, JsonMapper json,
                ApiProperties properties) {
        this.lookup = lookup;
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.json = json;
        this.properties = properties;
    }

    /** Trove's cluster root enable: one fresh password, returned once, sealed for each node on its way. */
    @Transactional
    RootPassword enableRoot(String tenantId, UUID id) {
        Cluster cluster = lookup.find(tenantId, id);
        catalog.require(cluster.getDatastoreVersionId(), "root-enable", true);
        String status = lookup.show(tenantId, id).status();
        if (!"ACTIVE".equals(status)) {
            throw ApiException.conflict("cluster " + id + " is " + status + "; root can be enabled once it is ACTIVE");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, String> sealed = new HashMap<>();
        lookup.members(cluster).forEach(node -> sealed.put(node.getId().toString(),
                SecretBox.seal(node.secret().orElseThrow(), password)));
        Task task = scheduler.schedule(tenantId, TaskKind.ENABLE_ROOT, ClusterLookup.RESOURCE_TYPE, id,
                json.writeValueAsString(Map.of("sealed", sealed)), properties.rootEnableTimeout());
        return new RootPassword(password, task.getId());
    }
}

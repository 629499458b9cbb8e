package dev.shoal.api.account;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.instance.InstanceLookup;
import dev.shoal.api.instance.InstanceTasks;
import dev.shoal.api.system.ApiException;
import dev.shoal.datastore.Datastores;
import dev.shoal.datastore.Naming;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The instance whose databases and users a request is about, with its capability checked: a cluster's node is
 * refused by the capability's name. Changes go to a running standalone master only (a replica's accounts are its
 * master's, arriving by replication) and leave as a task on the instance, which shows them while they apply.
 */
@Component
class AccountTarget {

    private static final Set<String> SERVING = Set.of("ACTIVE", "RESTART_REQUIRED");

    private final InstanceLookup instances;
    private final InstanceTasks instanceTasks;
    private final JsonMapper json;
    private final ApiProperties properties;

    AccountTarget(InstanceLookup instances, InstanceTasks instanceTasks, JsonMapper json, ApiProperties properties) {
        this.instances = instances;
        this.instanceTasks = instanceTasks;
        this.json = json;
        this.properties = properties;
    }

    /** The rules of the instance's datastore for the names of its databases and users. */
    Naming naming(Instance instance) {
        return Datastores.descriptor(instances.manager(instance)).naming();
    }

    Instance readable(String tenantId, UUID id, String capability) {
        return instances.find(tenantId, id, capability);
    }

    Instance writable(String tenantId, UUID id, String capability) {
        Instance instance = instances.find(tenantId, id, capability);
        if (instance.isReplica()) {
            throw ApiException.inconsistent("instance " + id + " is a read-only replica of " + instance.getSlaveOf()
                    + "; change its master's databases and users",
                    List.of(new ApiException.FieldProblem("id", "is a replica of " + instance.getSlaveOf())));
        }
        String status = instances.status(instance);
        if (!SERVING.contains(status)) {
            throw ApiException.conflict("instance " + id + " is " + status
                    + "; its databases and users change once it is ACTIVE");
        }
        return instance;
    }

    Node node(Instance instance) {
        return instances.node(instance);
    }

    Task schedule(String tenantId, TaskKind kind, Instance instance, Object payload) {
        return instanceTasks.schedule(tenantId, kind, instance.getId(), json.writeValueAsString(payload),
                properties.buildTimeout());
    }
}

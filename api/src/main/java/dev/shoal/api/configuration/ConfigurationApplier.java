package dev.shoal.api.configuration;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.TaskScheduler;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.task.TaskKind;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Schedules the task that brings an instance's datastore, or every node of a cluster, to its group's values. */
@Component
public class ConfigurationApplier {

    private final TaskScheduler scheduler;
    private final ApiProperties properties;

    ConfigurationApplier(TaskScheduler scheduler, ApiProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    public void apply(Instance instance) {
        scheduler.schedule(instance.getTenantId(), TaskKind.APPLY_CONFIGURATION, "instance", instance.getId(), null,
                properties.buildTimeout());
    }

    public void applyToCluster(String tenantId, UUID clusterId) {
        scheduler.schedule(tenantId, TaskKind.APPLY_CLUSTER_CONFIGURATION, "cluster", clusterId, null,
                properties.buildTimeout());
    }
}

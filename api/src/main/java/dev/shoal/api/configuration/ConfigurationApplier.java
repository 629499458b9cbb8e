package dev.shoal.api.configuration;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.TaskScheduler;
import dev.shoal.contracts.task.ConfigurationApplyParameters;
import dev.shoal.domain.configuration.ConfigurationValueRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.task.TaskKind;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schedules the task that brings an instance's datastore, or every node of a cluster, to its group's values. The task
 * keeps what they ran with before, which a cancel of the apply puts back.
 */
@Component
public class ConfigurationApplier {

    private final TaskScheduler scheduler;
    private final ConfigurationValueRepository values;
    private final JsonMapper json;
    private final ApiProperties properties;

    ConfigurationApplier(TaskScheduler scheduler, ConfigurationValueRepository values, JsonMapper json,
                         ApiProperties properties) {
        this.scheduler = scheduler;
        this.values = values;
        this.json = json;
        this.properties = properties;
    }

    /** The instance was given another group (or none) instead of {@code previous}, whose values are unchanged. */
    public void apply(Instance instance, UUID previous) {
        apply(instance, previous, previous == null ? Map.of() : values.valuesOf(previous));
    }

    /** The instance's group, or its values, changed: before, it ran with {@code previousValues} of {@code previous}. */
    public void apply(Instance instance, UUID previous, Map<String, String> previousValues) {
        scheduler.schedule(instance.getTenantId(), TaskKind.APPLY_CONFIGURATION, "instance", instance.getId(),
                json.writeValueAsString(new ConfigurationApplyParameters(previous, previousValues)),
                properties.buildTimeout());
    }

    /** The values of the cluster's group changed: before, its nodes ran with {@code previousValues}. */
    public void applyToCluster(String tenantId, UUID clusterId, UUID group, Map<String, String> previousValues) {
        scheduler.schedule(tenantId, TaskKind.APPLY_CLUSTER_CONFIGURATION, "cluster", clusterId,
                json.writeValueAsString(new ConfigurationApplyParameters(group, previousValues)),
                properties.buildTimeout());
    }
}

package dev.shoal.api.instance;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.Links;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeStatus;
import dev.shoal.domain.node.NodeStatusRule;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.task.Task;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Builds what users see of an instance from its rows; the status is derived, never stored. */
@Component
class InstanceViews {

    private static final DateTimeFormatter TROVE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final DatastoreVersionRepository versions;
    private final Links links;
    private final ApiProperties properties;
    private final Clock clock;

    InstanceViews(DatastoreVersionRepository versions, Links links, ApiProperties properties, Clock clock) {
        this.versions = versions;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    InstanceView view(Instance instance, Node node, Optional<ServiceStatusRecord> service, Optional<Task> task) {
        NodeStatus status = NodeStatusRule.derive(node.getTask(),
                service.map(ServiceStatusRecord::getStatus).orElse(null),
                service.map(ServiceStatusRecord::getUpdatedAt).orElse(null), clock.instant(),
                properties.heartbeatExpiry());
        DatastoreVersion version = versions.findById(instance.getDatastoreVersionId()).orElseThrow();
        String tenant = instance.getTenantId();
        Double used = service.map(ServiceStatusRecord::getVolumeUsedBytes)
                .map(bytes -> Math.round(bytes / GIB * 100) / 100.0).orElse(null);
        return new InstanceView(
                instance.getId(),
                instance.getName(),
                status.name(),
                node.getIp() == null ? List.of() : List.of(node.getIp()),
                new InstanceView.Volume(instance.getVolumeSize(), used),
                new InstanceView.Datastore(version.getDatastore().getName(), version.getName()),
                new InstanceView.Reference(instance.getFlavorId(), links.of(tenant, "flavors/" + instance.getFlavorId())),
                instance.getConfigurationId() == null ? null : new InstanceView.Reference(
                        instance.getConfigurationId().toString(),
                        links.of(tenant, "configurations/" + instance.getConfigurationId())),
                format(instance.getCreated()),
                format(instance.getUpdated()),
                links.of(tenant, "instances/" + instance.getId()),
                status == NodeStatus.ERROR ? new InstanceView.Fault(node.getTaskDescription(),
                        format(node.getTaskStartTime())) : null,
                task.map(InstanceViews::taskView).orElse(null),
                node.getTaskDescription());
    }

    private static InstanceView.TaskView taskView(Task task) {
        return new InstanceView.TaskView(task.getId(), task.getKind().name(), task.getState().name(), task.getStep(),
                task.getProgress(), task.getMessage(), task.getError());
    }

    static String format(Instant instant) {
        return instant == null ? null : TROVE_TIME.format(instant);
    }
}

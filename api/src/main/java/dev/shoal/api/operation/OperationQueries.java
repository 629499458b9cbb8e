package dev.shoal.api.operation;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.Uuids;
import dev.shoal.domain.task.OperationStep;
import dev.shoal.domain.task.OperationStepRepository;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's operations, newest first, in keyset pages over (created, id) so that a marker continues the same order
 * however tasks come and go; finished ones stay until the task manager prunes them.
 */
@Component
class OperationQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "created", "id");

    private final TaskRepository tasks;
    private final OperationStepRepository steps;
    private final OperationViews views;
    private final ApiProperties properties;

    OperationQueries(TaskRepository tasks, OperationStepRepository steps, OperationViews views,
                     ApiProperties properties) {
        this.tasks = tasks;
        this.steps = steps;
        this.views = views;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    OperationView show(String tenantId, UUID id) {
        Task task = tasks.findById(id).filter(found -> tenantId.equals(found.getTenantId()))
                .orElseThrow(() -> ApiException.notFound("operation " + id));
        return views.view(task, steps.findAllByTaskIdOrderByPosition(id));
    }

    @Transactional(readOnly = true)
    Page page(String tenantId, OperationFilter filter, Integer limit, String marker) {
        int size = properties.pageSize(limit);
        Task after = marker == null ? null : marker(tenantId, marker);
        List<Task> found = tasks.findBy(specification(tenantId, filter, after),
                rows -> rows.sortBy(NEWEST_FIRST).limit(size + 1).all());
        boolean more = found.size() > size;
        List<Task> shown = more ? found.subList(0, size) : found;
        Map<UUID, List<OperationStep>> stepsOf = steps.findAllByTaskIdInOrderByPosition(
                shown.stream().map(Task::getId).toList()).stream()
                .collect(Collectors.groupingBy(OperationStep::getTaskId));
        return new Page(shown.stream().map(task -> views.view(task, stepsOf.getOrDefault(task.getId(), List.of())))
                .toList(), more ? shown.get(size - 1).getId() : null);
    }

    private static Specification<Task> specification(String tenantId, OperationFilter filter, Task after) {
        Specification<Task> matching = (root, query, where) -> where.equal(root.get("tenantId"), tenantId);
        if (filter.resourceId() != null) {
            matching = matching.and((root, query, where) -> where.equal(root.get("resourceId"), filter.resourceId()));
        }
        if (filter.state() != null) {
            matching = matching.and(filter.state().matching());
        }
        if (filter.kind() != null) {
            matching = matching.and((root, query, where) -> where.equal(root.get("kind"), filter.kind()));
        }
        if (after != null) {
            Instant created = after.getCreated();
            matching = matching.and((root, query, where) -> where.or(
                    where.lessThan(root.get("created"), created),
                    where.and(where.equal(root.get("created"), created),
                            where.lessThan(root.get("id"), after.getId()))));
        }
        return matching;
    }

    private Task marker(String tenantId, String marker) {
        UUID id = Uuids.parse(marker).orElseThrow(() -> ApiException.invalid("marker",
                "must be the id of an operation"));
        return tasks.findById(id).filter(task -> tenantId.equals(task.getTenantId()))
                .orElseThrow(() -> ApiException.invalid("marker", "no operation " + marker + " to continue after"));
    }

    record Page(List<OperationView> operations, UUID nextMarker) {
    }
}

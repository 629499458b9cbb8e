package dev.shoal.domain.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface TaskRepository extends JpaRepository<Task, UUID>, JpaSpecificationExecutor<Task> {

    /** Open tasks nobody holds: new ones, and those whose task manager's lease ran out. */
    @Query("""
            select t.id from Task t
            where t.state in (dev.shoal.domain.task.TaskState.PENDING, dev.shoal.domain.task.TaskState.RUNNING)
              and (t.leaseUntil is null or t.leaseUntil < :now)
            order by t.created
            """)
    List<UUID> findClaimable(Instant now);

    Optional<Task> findFirstByResourceIdOrderByCreatedDesc(UUID resourceId);

    /** Whether the resource's newest task is of {@code kind} and still open (a delete under way). */
    default boolean isUnderway(UUID resourceId, TaskKind kind) {
        return findFirstByResourceIdOrderByCreatedDesc(resourceId)
                .filter(task -> task.getKind() == kind && !task.getState().isFinished()).isPresent();
    }

    /** A task that works on a resource besides its own, naming it in its parameters (replicas of a master). */
    Optional<Task> findFirstByResourceIdAndKindAndParametersContainingOrderByCreatedDesc(UUID resourceId,
                                                                                      TaskKind kind, String id);

    @Query("""
            select count(t) > 0 from Task t
            where t.resourceId = :resourceId and t.id <> :taskId
              and t.state in (dev.shoal.domain.task.TaskState.PENDING, dev.shoal.domain.task.TaskState.RUNNING)
            """)
    boolean existsOpenTaskOtherThan(UUID resourceId, UUID taskId);

    /** The open tasks working on the resource, oldest first. */
    @Query("""
            select t.id from Task t
            where t.resourceId = :resourceId
              and t.state in (dev.shoal.domain.task.TaskState.PENDING, dev.shoal.domain.task.TaskState.RUNNING)
            order by t.created
            """)
    List<UUID> findOpenTaskIds(UUID resourceId);

    /** Whether any open task works on the resource, or names it in its parameters (a restore names its backup). */
    @Query("""
            select count(t) > 0 from Task t
            where t.state in (dev.shoal.domain.task.TaskState.PENDING, dev.shoal.domain.task.TaskState.RUNNING)
              and (t.resourceId = :resourceId or t.parameters like concat('%', cast(:resourceId as String), '%'))
            """)
    boolean existsOpenTaskOn(UUID resourceId);

    /** The newest task of each resource, for a page of resources in one query. */
    default List<Task> findLatestOf(java.util.Collection<UUID> resourceIds) {
        return resourceIds.isEmpty() ? List.of() : findLatestAmong(resourceIds.toArray(UUID[]::new));
    }

    /** See ServiceStatusRepository.findAllByNodeIdAmong for why an array. */
    @Query(value = """
            select t.* from tasks t
            where t.resource_id = any(:resourceIds)
              and t.created = (select max(newer.created) from tasks newer where newer.resource_id = t.resource_id)
            """, nativeQuery = true)
    List<Task> findLatestAmong(UUID[] resourceIds);

    /**
     * Asks for the task to be cancelled, unless it ended or is undoing a failure meanwhile.
     *
     * @return whether the request is recorded (also when it was already)
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            update tasks set cancel_requested_at = coalesce(cancel_requested_at, now())
             where id = :taskId and state in ('PENDING', 'RUNNING') and (not undoing or cancelling)
            """, nativeQuery = true)
    int requestCancel(UUID taskId);

    /** A cancel asked too late (the task went past its point of no return meanwhile) is dropped. */
    @Modifying
    @Query(value = "update tasks set cancel_requested_at = null where id = :taskId", nativeQuery = true)
    int dropCancelRequest(UUID taskId);

    /**
     * The task with its row locked until the transaction ends: the api deciding on a cancel and the task manager
     * advancing to the next step take the row in turn, so neither decides on what the other is changing.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Task t where t.id = :taskId")
    Optional<Task> findForUpdate(UUID taskId);

    /** Whether a cancel is asked of the task, read with its row locked (see {@link #findForUpdate}). */
    @Query(value = "select cancel_requested_at is not null from tasks where id = :taskId for update",
            nativeQuery = true)
    boolean lockCancelRequested(UUID taskId);
}

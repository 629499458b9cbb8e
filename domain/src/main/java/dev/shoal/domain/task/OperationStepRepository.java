package dev.shoal.domain.task;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OperationStepRepository extends JpaRepository<OperationStep, UUID> {

    List<OperationStep> findAllByTaskIdOrderByPosition(UUID taskId);

    /** The steps of a page of tasks in one query. */
    List<OperationStep> findAllByTaskIdInOrderByPosition(Collection<UUID> taskIds);
}

package dev.shoal.domain.log;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InstanceLogPartRepository extends JpaRepository<InstanceLogPart, UUID> {

    /** Oldest first, as a log reads. */
    List<InstanceLogPart> findByInstanceIdAndLogNameOrderByCreatedAscObjectNameAsc(UUID instanceId, String logName);

    /** What a tenant's container lists under a pattern, {@code !} escaping its wildcards, by name. */
    @Query("select p from InstanceLogPart p where p.tenantId = ?1 and p.objectName like ?2 escape '!'"
            + " order by p.objectName")
    List<InstanceLogPart> listed(String tenantId, String namePattern);

    Optional<InstanceLogPart> findByTenantIdAndObjectName(String tenantId, String objectName);

    @Query("select coalesce(sum(p.bytes), 0) from InstanceLogPart p where p.instanceId = ?1 and p.logName = ?2")
    long publishedBytes(UUID instanceId, String logName);

    void deleteByInstanceIdAndLogName(UUID instanceId, String logName);

    void deleteByInstanceId(UUID instanceId);
}

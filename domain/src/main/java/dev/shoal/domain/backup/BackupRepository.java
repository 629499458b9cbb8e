package dev.shoal.domain.backup;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Lists, with their optional filters, are built as specifications by the caller. */
public interface BackupRepository extends JpaRepository<Backup, UUID>, JpaSpecificationExecutor<Backup> {

    Optional<Backup> findByIdAndTenantIdAndDeletedAtIsNull(UUID id, String tenantId);

    /** What counts against a tenant's backups quota: every backup it has not deleted, failed ones too. */
    long countByTenantIdAndDeletedAtIsNull(String tenantId);

    boolean existsByInstanceIdAndStateInAndDeletedAtIsNull(UUID instanceId,
                                                          java.util.Collection<BackupState> states);
}

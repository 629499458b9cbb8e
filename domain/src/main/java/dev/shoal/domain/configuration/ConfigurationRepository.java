package dev.shoal.domain.configuration;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConfigurationRepository extends JpaRepository<Configuration, UUID> {

    Optional<Configuration> findByIdAndTenantIdAndDeletedAtIsNull(UUID id, String tenantId);

    List<Configuration> findAllByTenantIdAndDeletedAtIsNullOrderByCreated(String tenantId);
}

package dev.shoal.domain.instance;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RootEnabledRepository extends JpaRepository<RootEnabledRecord, UUID> {

    boolean existsByInstanceId(UUID instanceId);
}

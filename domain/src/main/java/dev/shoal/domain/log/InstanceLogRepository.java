package dev.shoal.domain.log;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InstanceLogRepository extends JpaRepository<InstanceLog, UUID> {

    List<InstanceLog> findByInstanceIdOrderByName(UUID instanceId);

    Optional<InstanceLog> findByInstanceIdAndName(UUID instanceId, String name);

    void deleteByInstanceId(UUID instanceId);
}

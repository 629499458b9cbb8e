package dev.shoal.domain.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InstanceDatabaseRepository extends JpaRepository<InstanceDatabase, UUID> {

    List<InstanceDatabase> findAllByInstanceIdOrderByName(UUID instanceId);

    Optional<InstanceDatabase> findByInstanceIdAndName(UUID instanceId, String name);

    List<InstanceDatabase> findAllByInstanceIdAndNameIn(UUID instanceId, Collection<String> names);
}

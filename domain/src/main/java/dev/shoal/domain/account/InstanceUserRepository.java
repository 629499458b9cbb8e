package dev.shoal.domain.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InstanceUserRepository extends JpaRepository<InstanceUser, UUID> {

    List<InstanceUser> findAllByInstanceIdOrderByNameAscHostAsc(UUID instanceId);

    Optional<InstanceUser> findByInstanceIdAndNameAndHost(UUID instanceId, String name, String host);
}

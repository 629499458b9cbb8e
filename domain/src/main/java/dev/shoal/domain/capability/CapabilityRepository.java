package dev.shoal.domain.capability;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CapabilityRepository extends JpaRepository<Capability, UUID> {

    List<Capability> findAllByOrderByName();

    Optional<Capability> findByName(String name);
}

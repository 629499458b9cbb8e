package dev.shoal.domain.capability;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CapabilityOverrideRepository extends JpaRepository<CapabilityOverride, CapabilityOverride.Key> {

    List<CapabilityOverride> findAllByKeyDatastoreVersionId(UUID datastoreVersionId);
}

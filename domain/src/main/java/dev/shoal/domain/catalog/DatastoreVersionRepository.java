package dev.shoal.domain.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DatastoreVersionRepository extends JpaRepository<DatastoreVersion, UUID> {

    List<DatastoreVersion> findAllByDatastoreIdOrderByName(UUID datastoreId);

    Optional<DatastoreVersion> findByDatastoreIdAndName(UUID datastoreId, String name);
}

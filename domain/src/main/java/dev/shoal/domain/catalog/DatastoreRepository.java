package dev.shoal.domain.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DatastoreRepository extends JpaRepository<Datastore, UUID> {

    Optional<Datastore> findByName(String name);

    List<Datastore> findAllByOrderByName();
}

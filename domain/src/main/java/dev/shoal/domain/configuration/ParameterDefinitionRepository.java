package dev.shoal.domain.configuration;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ParameterDefinitionRepository extends JpaRepository<ParameterDefinition, ParameterDefinition.Key> {

    List<ParameterDefinition> findAllByKeyDatastoreVersionIdOrderByKeyName(UUID datastoreVersionId);
}

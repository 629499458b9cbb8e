package dev.shoal.domain.configuration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConfigurationRepository extends JpaRepository<Configuration, UUID> {

    Optional<Configuration> findByIdAndTenantIdAndDeletedAtIsNull(UUID id, String tenantId);

    /** A tenant's groups and its live nodes' own groups; a removed node's group goes with it. */
    @org.springframework.data.jpa.repository.Query("""
            select c from Configuration c
            where c.tenantId = :tenantId and c.deletedAt is null
              and (c.nodeId is null
                   or exists (select n.id from Node n where n.id = c.nodeId and n.deletedAt is null))
            order by c.created
            """)
    List<Configuration> findLive(String tenantId);

    Optional<Configuration> findByNodeId(UUID nodeId);

    default List<Configuration> findAllByNodeIdIn(Collection<UUID> nodeIds) {
        return nodeIds.isEmpty() ? List.of() : findAllByNodeIdAmong(nodeIds.toArray(UUID[]::new));
    }

    /** See ServiceStatusRepository.findAllByNodeIdAmong for why an array. */
    @org.springframework.data.jpa.repository.Query(
            value = "select * from configurations where node_id = any(:nodeIds)", nativeQuery = true)
    List<Configuration> findAllByNodeIdAmong(UUID[] nodeIds);
}

package dev.shoal.domain.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClusterRepository extends JpaRepository<Cluster, UUID> {

    Optional<Cluster> findByIdAndTenantIdAndDeletedAtIsNull(UUID id, String tenantId);

    /** Keyset page ordered by (created, id), like the instance list. */
    @Query("""
            select c from Cluster c
            where c.tenantId = :tenantId and c.deletedAt is null
              and (cast(:afterCreated as timestamp) is null or c.created > :afterCreated
                   or (c.created = :afterCreated and c.id > :afterId))
            order by c.created, c.id
            """)
    List<Cluster> findPage(String tenantId, Instant afterCreated, UUID afterId, Limit limit);
}

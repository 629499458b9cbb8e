package dev.shoal.domain.instance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InstanceRepository extends JpaRepository<Instance, UUID> {

    Optional<Instance> findByIdAndTenantIdAndDeletedAtIsNull(UUID id, String tenantId);

    List<Instance> findAllBySlaveOfAndDeletedAtIsNullOrderByCreated(UUID masterId);

    List<Instance> findAllByConfigurationIdAndDeletedAtIsNullOrderByCreated(UUID configurationId);

    List<Instance> findAllBySlaveOfInAndDeletedAtIsNull(java.util.Collection<UUID> masterIds);

    /** Keyset page ordered by (created, id): stable while instances are created and deleted. */
    @Query("""
            select i from Instance i
            where i.tenantId = :tenantId and i.deletedAt is null
              and (cast(:afterCreated as timestamp) is null or i.created > :afterCreated
                   or (i.created = :afterCreated and i.id > :afterId))
            order by i.created, i.id
            """)
    List<Instance> findPage(String tenantId, Instant afterCreated, UUID afterId, Limit limit);

    /** {@link #findPage} over every tenant, for operators. */
    @Query("""
            select i from Instance i
            where i.deletedAt is null
              and (cast(:afterCreated as timestamp) is null or i.created > :afterCreated
                   or (i.created = :afterCreated and i.id > :afterId))
            order by i.created, i.id
            """)
    List<Instance> findPageOfAllTenants(Instant afterCreated, UUID afterId, Limit limit);

    Optional<Instance> findByIdAndDeletedAtIsNull(UUID id);
}

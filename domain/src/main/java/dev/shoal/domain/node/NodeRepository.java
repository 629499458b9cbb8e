package dev.shoal.domain.node;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NodeRepository extends JpaRepository<Node, UUID> {

    List<Node> findAllByInstanceIdInAndDeletedAtIsNull(List<UUID> instanceIds);

    Optional<Node> findFirstByInstanceIdOrderByCreatedDesc(UUID instanceId);

    List<Node> findAllByDeletedAtIsNull();

    @Query("select n.ip from Node n where n.deletedAt is null and n.ip is not null")
    List<String> findLiveAddresses();

    /** Held until the transaction ends, so two tasks never pick the same free address. */
    @Query(value = "select pg_advisory_xact_lock(7402311) is not null", nativeQuery = true)
    boolean lockAddressAllocation();

    List<Node> findAllByClusterIdAndDeletedAtIsNullOrderByCreated(UUID clusterId);

    Optional<Node> findByIdAndTenantIdAndClusterIdIsNotNullAndDeletedAtIsNull(UUID id, String tenantId);

    /** Every node the cluster ever had, so new nodes' names never repeat a removed one's. */
    long countByClusterId(UUID clusterId);

    /** Cluster nodes running a configuration group: each cluster's share follows the group's changes. */
    List<Node> findAllByConfigurationIdAndClusterIdIsNotNullAndDeletedAtIsNull(UUID configurationId);

    List<Node> findAllByClusterIdInAndDeletedAtIsNull(java.util.Collection<UUID> clusterIds);

    /** What a tenant holds: its live nodes, standalone or in clusters, and their volume gigabytes. */
    @Query("select new dev.shoal.domain.node.NodeUsage(count(n), coalesce(sum(n.volumeSize), 0L)) from Node n"
            + " where n.tenantId = :tenantId and n.deletedAt is null")
    NodeUsage usageOf(String tenantId);

    /** Keyset page of a tenant's cluster nodes ordered by (created, id), as instances are. */
    @Query("""
            select n from Node n
            where n.tenantId = :tenantId and n.clusterId is not null and n.deletedAt is null
              and (cast(:afterCreated as timestamp) is null or n.created > :afterCreated
                   or (n.created = :afterCreated and n.id > :afterId))
            order by n.created, n.id
            """)
    List<Node> findClusterPage(String tenantId, java.time.Instant afterCreated, UUID afterId,
                               org.springframework.data.domain.Limit limit);
}

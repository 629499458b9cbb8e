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

    /** Every node the cluster ever had, so new nodes' names never repeat a removed one's. */
    long countByClusterId(UUID clusterId);

    /** Cluster nodes running a configuration group: each cluster's share follows the group's changes. */
    List<Node> findAllByConfigurationIdAndClusterIdIsNotNullAndDeletedAtIsNull(UUID configurationId);

    List<Node> findAllByClusterIdInAndDeletedAtIsNull(java.util.Collection<UUID> clusterIds);
}

package dev.shoal.domain.secgroup;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Groups are live while their node is: every query here keeps to groups of nodes not deleted. */
public interface SecurityGroupRepository extends JpaRepository<SecurityGroup, UUID> {

    String LIVE = "exists (select n.id from Node n where n.id = g.nodeId and n.deletedAt is null)";

    @Query("select g from SecurityGroup g where g.id = :id and g.tenantId = :tenantId and " + LIVE)
    Optional<SecurityGroup> findLive(UUID id, String tenantId);

    @Query("select g from SecurityGroup g where g.instanceId = :instanceId and g.tenantId = :tenantId and " + LIVE)
    Optional<SecurityGroup> findLiveByInstanceId(UUID instanceId, String tenantId);

    default List<SecurityGroup> findAllByNodeIdIn(Collection<UUID> nodeIds) {
        return nodeIds.isEmpty() ? List.of() : findAllByNodeIdAmong(nodeIds.toArray(UUID[]::new));
    }

    /** See ServiceStatusRepository.findAllByNodeIdAmong for why an array. */
    @Query(value = "select * from security_groups where node_id = any(:nodeIds)", nativeQuery = true)
    List<SecurityGroup> findAllByNodeIdAmong(UUID[] nodeIds);

    Optional<SecurityGroup> findByNodeId(UUID nodeId);

    /** The node's group with each of its rules, a row per rule (the rule null when it has none), in one statement. */
    @Query("select g, r from SecurityGroup g left join SecurityGroupRule r on r.groupId = g.id where g.nodeId = :nodeId")
    List<Object[]> findWithRulesByNodeId(UUID nodeId);

    /**
     * The group, locked until the transaction ends: a rule change and the firewall's application of the rules
     * take turns, so the firewall always ends with the last rules written.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select g from SecurityGroup g where g.id = :id")
    Optional<SecurityGroup> lock(UUID id);

    /** Keyset page ordered by (created, id). */
    @Query("select g from SecurityGroup g where g.tenantId = :tenantId and " + LIVE + """
              and (cast(:afterCreated as timestamp) is null or g.created > :afterCreated
                   or (g.created = :afterCreated and g.id > :afterId))
            order by g.created, g.id
            """)
    List<SecurityGroup> findPage(String tenantId, Instant afterCreated, UUID afterId, Limit limit);
}

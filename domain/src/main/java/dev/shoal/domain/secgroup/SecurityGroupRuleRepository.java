package dev.shoal.domain.secgroup;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SecurityGroupRuleRepository extends JpaRepository<SecurityGroupRule, UUID> {

    List<SecurityGroupRule> findAllByGroupIdOrderByCreatedAscIdAsc(UUID groupId);

    default List<SecurityGroupRule> findAllByGroupIdIn(Collection<UUID> groupIds) {
        return groupIds.isEmpty() ? List.of() : findAllByGroupIdAmong(groupIds.toArray(UUID[]::new));
    }

    /** See ServiceStatusRepository.findAllByNodeIdAmong for why an array. */
    @Query(value = "select * from security_group_rules where group_id = any(:groupIds)", nativeQuery = true)
    List<SecurityGroupRule> findAllByGroupIdAmong(UUID[] groupIds);

    Optional<SecurityGroupRule> findByGroupIdAndCidr(UUID groupId, String cidr);

    long countByGroupId(UUID groupId);
}

package dev.shoal.domain.secgroup;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SecurityGroupRuleRepository extends JpaRepository<SecurityGroupRule, UUID> {

    List<SecurityGroupRule> findAllByGroupIdOrderByCreatedAscIdAsc(UUID groupId);

    List<SecurityGroupRule> findAllByGroupIdIn(Collection<UUID> groupIds);

    Optional<SecurityGroupRule> findByGroupIdAndCidr(UUID groupId, String cidr);

    long countByGroupId(UUID groupId);
}

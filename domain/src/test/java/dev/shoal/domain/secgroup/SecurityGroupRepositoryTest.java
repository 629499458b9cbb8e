package dev.shoal.domain.secgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.domain.PostgresTest;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.tenant.Tenant;
import dev.shoal.domain.tenant.TenantRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class SecurityGroupRepositoryTest extends PostgresTest {

    private static final UUID MYSQL_10_11 = UUID.fromString("7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    SecurityGroupRepository groups;
    @Autowired
    SecurityGroupRuleRepository rules;
    @Autowired
    TenantRepository tenants;
    @Autowired
    InstanceRepository instances;
    @Autowired
    NodeRepository nodes;

    @Test
    void aGroupIsShownWhileItsNodeLivesAndGoesWithIt() {
        String tenant = tenant();
        Node node = node(tenant);
        SecurityGroup group = groups.saveAndFlush(new SecurityGroup(tenant, node.getId(), node.getInstanceId(), true,
                NOW));

        assertThat(group.getName()).isEqualTo("SecGroup_" + node.getInstanceId());
        assertThat(groups.findLive(group.getId(), tenant)).isPresent();
        assertThat(groups.findLive(group.getId(), "someone-else")).isEmpty();
        assertThat(groups.findLiveByInstanceId(node.getInstanceId(), tenant)).isPresent();

        node.markDeleted(NOW.plusSeconds(1));
        nodes.saveAndFlush(node);

        assertThat(groups.findLive(group.getId(), tenant)).isEmpty();
        assertThat(groups.findPage(tenant, null, null, Limit.of(10))).isEmpty();
        assertThat(groups.findByNodeId(node.getId())).as("the row stays, as the node's does").isPresent();
    }

    @Test
    void pagesRunInCreationOrderAndACidrIsHeldOncePerGroup() {
        String tenant = tenant();
        List<SecurityGroup> made = List.of(0, 1, 2).stream().map(i -> {
            Node node = node(tenant);
            return groups.saveAndFlush(new SecurityGroup(tenant, node.getId(), node.getInstanceId(), true,
                    NOW.plusSeconds(i)));
        }).toList();

        List<SecurityGroup> first = groups.findPage(tenant, null, null, Limit.of(2));
        assertThat(first).extracting(SecurityGroup::getId).containsExactly(made.get(0).getId(), made.get(1).getId());
        assertThat(groups.findPage(tenant, first.get(1).getCreated(), first.get(1).getId(), Limit.of(2)))
                .extracting(SecurityGroup::getId).containsExactly(made.get(2).getId());

        UUID groupId = made.get(0).getId();
        rules.saveAndFlush(new SecurityGroupRule(groupId, 3306, "10.0.0.0/8", NOW));
        assertThat(rules.findByGroupIdAndCidr(groupId, "10.0.0.0/8")).isPresent();
        assertThatThrownBy(() -> rules.saveAndFlush(new SecurityGroupRule(groupId, 3306, "10.0.0.0/8", NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private String tenant() {
        String id = "t" + UUID.randomUUID().toString().substring(0, 8);
        tenants.saveAndFlush(new Tenant(id, "Tenant", NOW));
        return id;
    }

    private Node node(String tenant) {
        Instance instance = instances.saveAndFlush(new Instance(tenant, "db", MYSQL_10_11, "1", 1, null, NOW));
        return nodes.saveAndFlush(Node.forInstance(instance.getId(), tenant, "db", MYSQL_10_11, "1", 1, null, NOW));
    }
}

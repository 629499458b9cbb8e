package dev.shoal.domain.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.domain.PostgresTest;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.tenant.Tenant;
import dev.shoal.domain.tenant.TenantRepository;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(LastSeenRepository.class)
class LastSeenRepositoryTest extends PostgresTest {

    private static final UUID MYSQL_10_11 = UUID.fromString("7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11");

    @Autowired
    LastSeenRepository lastSeen;
    @Autowired
    TenantRepository tenants;
    @Autowired
    InstanceRepository instances;
    @Autowired
    NodeRepository nodes;

    @Test
    void acceptsOnlyNewerSentTimesPerNodeAndMethod() {
        UUID node = newNode();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(lastSeen.advance(node, "heartbeat", t0)).isTrue();
        assertThat(lastSeen.advance(node, "heartbeat", t0)).as("same time again").isFalse();
        assertThat(lastSeen.advance(node, "heartbeat", t0.minusMillis(1))).as("older").isFalse();
        assertThat(lastSeen.advance(node, "heartbeat", t0.plusMillis(1))).as("newer").isTrue();
        assertThat(lastSeen.advance(node, "report", t0)).as("other method keeps its own order").isTrue();
    }

    @Test
    void tellsTheNewestSentTimeAcceptedSoARedeliveryIsToldFromAStaleMessage() {
        UUID node = newNode();
        Instant t0 = Instant.parse("2026-01-01T00:00:00.123456Z");

        assertThat(lastSeen.lastAccepted(node, "heartbeat")).isEmpty();
        lastSeen.advance(node, "heartbeat", t0);
        lastSeen.advance(node, "heartbeat", t0.minusSeconds(1));

        assertThat(lastSeen.lastAccepted(node, "heartbeat")).contains(t0);
        assertThat(lastSeen.lastAccepted(node, "report")).isEmpty();
    }

    private UUID newNode() {
        Instant now = Instant.now();
        String tenantId = "t" + UUID.randomUUID().toString().substring(0, 8);
        tenants.saveAndFlush(new Tenant(tenantId, "Tenant", now));
        Instance instance = instances.saveAndFlush(new Instance(tenantId, "db", MYSQL_10_11, "1", 1, null, now));
        return nodes.saveAndFlush(Node.forInstance(instance.getId(), tenantId, "db", MYSQL_10_11, "1", 1, null, now))
                .getId();
    }
}

package dev.shoal.domain.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.domain.PostgresTest;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.tenant.Tenant;
import dev.shoal.domain.tenant.TenantRepository;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Node secrets as PostgreSQL holds them, under a key rotated from {@code k-old} to {@code k-new}. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = {"shoal.secrets.key=" + SecretCipherTest.KEY_B, "shoal.secrets.key-id=k-new",
        "shoal.secrets.previous-keys=k-old:" + SecretCipherTest.KEY_A})
class NodeSecretAtRestTest extends PostgresTest {

    private static final UUID MYSQL_10_11 = UUID.fromString("7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11");

    @Autowired
    NodeRepository nodes;
    @Autowired
    TenantRepository tenants;
    @Autowired
    InstanceRepository instances;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManager entities;
    @Autowired
    StoredSecretsRewriter rewriter;

    @Test
    void aNodeSecretIsStoredEncryptedUnderTheCurrentKey() {
        NodeSecret secret = NodeSecret.generate();
        UUID id = placedNode(secret);

        assertThat(column(id)).startsWith("v1:k-new:").doesNotContain(secret.value());
        assertThat(reloaded(id).secret()).contains(secret);
    }

    @Test
    void aPlainTextSecretOfAnOlderShoalIsEncryptedByTheRewriteAtStart() {
        NodeSecret secret = NodeSecret.generate();
        UUID id = placedNode(secret);
        jdbc.update("update nodes set secret = ? where id = ?", secret.value(), id);

        assertThat(rewriter.rewrite()).isEqualTo(1);
        assertThat(rewriter.rewrite()).as("nothing left to do").isZero();

        assertThat(column(id)).startsWith("v1:k-new:").doesNotContain(secret.value());
        assertThat(reloaded(id).secret()).contains(secret);
    }

    @Test
    void aSecretUnderTheRotatedOutKeyIsReadAndMovedToTheCurrentOne() {
        NodeSecret secret = NodeSecret.generate();
        UUID id = placedNode(secret);
        SecretCipher old = new SecretCipher(SecretKeys.of(SecretCipherTest.KEY_A, "k-old", List.of()));
        jdbc.update("update nodes set secret = ? where id = ?", old.encrypt(secret.value()), id);

        assertThat(reloaded(id).secret()).as("read with the previous key").contains(secret);
        rewriter.rewrite();

        assertThat(column(id)).startsWith("v1:k-new:");
        assertThat(reloaded(id).secret()).contains(secret);
    }

    private UUID placedNode(NodeSecret secret) {
        Instant now = Instant.now();
        String tenantId = "t" + UUID.randomUUID().toString().substring(0, 8);
        tenants.saveAndFlush(new Tenant(tenantId, "Tenant", now));
        Instance instance = instances.saveAndFlush(new Instance(tenantId, "db", MYSQL_10_11, "1", 1, null, now));
        Node node = Node.forInstance(instance.getId(), tenantId, "db", MYSQL_10_11, "1", 1, null, now);
        node.placed("local-1", "127.0.9." + (1 + (int) (Math.random() * 250)), "localhost", secret, now);
        return nodes.saveAndFlush(node).getId();
    }

    private String column(UUID id) {
        return jdbc.queryForObject("select secret from nodes where id = ?", String.class, id);
    }

    private Node reloaded(UUID id) {
        entities.clear();
        return nodes.findById(id).orElseThrow();
    }
}

package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.testsupport.keystone.KeystoneAdmin;
import dev.shoal.testsupport.keystone.KeystoneServer;
import dev.shoal.testsupport.keystone.OpenstackCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cloud's user, signed in at a real Keystone ({@link KeystoneServer}) with a password, finds Shoal and its object
 * store slice through the catalog with the unmodified {@code openstack} client, and reads a real MariaDB node's logs:
 * listed, published, tailed and saved. Runs with the {@code e2e} and {@code openstack} Maven profiles; its context
 * (Shoal configured for Keystone) closes with it.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KeystoneCloudSuite extends StandaloneE2E {

    private static final String PASSWORD = "cloud-user-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static KeystoneServer keystone;
    private static KeystoneAdmin admin;
    private static String project;

    @DynamicPropertySource
    static void cloud(DynamicPropertyRegistry registry) {
        keystone = KeystoneServer.start();
        admin = new KeystoneAdmin(keystone.url());
        keystone.serveShoal(admin, registry);
        project = admin.createProject("shop");
        admin.createUser("shop-member", PASSWORD, project, "member");
    }

    @AfterAll
    static void stopKeystone() {
        if (keystone != null) {
            keystone.close();
        }
    }

    @Test
    void aCloudUserReadsItsInstancesLogsWithTheOpenstackClient() throws Exception {
        admin.registerEndpoint("database", "shoal", "http://127.0.0.1:" + port + "/v1.0/%(tenant_id)s");
        admin.registerEndpoint("object-store", "shoal-logs", "http://127.0.0.1:" + port + "/v1/AUTH_%(tenant_id)s");
        OpenstackCli cli = new OpenstackCli(keystone, "shop-member", PASSWORD, "shop");
        JsonNode created = JSON.readTree(cli.run("database", "instance", "create", "orders", "--flavor", "1",
                "--size", "1", "--datastore", "mysql", "--datastore-version", "10.11", "-f", "json"));
        String id = created.path("id").asString();
        try {
            instances().awaitActive(id);
            assertThat(cli.run("database", "instance", "list", "-f", "value", "-c", "Name")).contains("orders");
            assertThat(cli.run("datastore", "list", "-f", "value", "-c", "Name")).contains("mysql", "postgresql");

            assertThat(cli.run("database", "log", "list", id, "-f", "value", "-c", "Name", "-c", "Type"))
                    .contains("error SYS", "slow_query USER");
            assertThat(cli.run("database", "log", "set", id, "error", "--publish", "-f", "value", "-c", "status"))
                    .contains("Published");
            String tail = cli.run("database", "log", "tail", id, "error", "--lines", "3");
            assertThat(tail.lines().count()).isBetween(1L, 3L);
            Path saved = Files.createTempFile("shoal-error", ".log");
            try {
                cli.run("database", "log", "save", id, "error", "--file", saved.toString());
                assertThat(Files.readString(saved)).contains("ready for connections").endsWith(tail);
            } finally {
                Files.deleteIfExists(saved);
            }
        } finally {
            instances().deleteInOrder(List.of(id));
        }
    }

    /** With a fresh token: Keystone's tokens live only {@link KeystoneServer#TOKEN_LIFE} in this suite. */
    private TenantInstances instances() {
        return new TenantInstances(http(), admin.token("shop-member", PASSWORD, "shop"), project);
    }
}

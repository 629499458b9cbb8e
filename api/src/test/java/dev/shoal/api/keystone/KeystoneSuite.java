package dev.shoal.api.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.api.ApiTestSupport;
import dev.shoal.testsupport.keystone.KeystoneAdmin;
import dev.shoal.testsupport.keystone.KeystoneServer;
import dev.shoal.testsupport.keystone.OpenstackCli;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shoal inside an OpenStack cloud, against a real Keystone ({@link KeystoneServer}): two projects with a member and
 * a reader, the cloud's admin, and Shoal's service user; Shoal registered in the catalog as {@code database}, found
 * there by the unmodified {@code openstack} client. Runs with the {@code openstack} Maven profile.
 */
class KeystoneSuite extends ApiTestSupport {

    private static final String PASSWORD = "project-user-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static KeystoneServer keystone;
    private static KeystoneAdmin admin;
    private static String alpha;
    private static String beta;
    private static String adminProject;
    private static boolean registered;

    @DynamicPropertySource
    static void cloud(DynamicPropertyRegistry registry) {
        keystone = KeystoneServer.start();
        admin = new KeystoneAdmin(keystone.url());
        keystone.serveShoal(admin, registry);
        alpha = admin.createProject("alpha");
        beta = admin.createProject("beta");
        adminProject = admin.projectId("admin");
        admin.createUser("alpha-member", PASSWORD, alpha, "member");
        admin.createUser("alpha-reader", PASSWORD, alpha, "reader");
        admin.createUser("beta-member", PASSWORD, beta, "member");
    }

    @AfterAll
    static void stopKeystone() {
        if (keystone != null) {
            keystone.close();
        }
    }

    @Test
    void aMembersTokenCreatesAndReadsAnInstanceInItsProject() {
        String token = admin.token("alpha-member", PASSWORD, "alpha");

        Response created = call("POST", "/v1.0/" + alpha + "/instances", token, createBody("alpha-db"));
        assertThat(created.status()).as(created.body()).isIn(200, 202);
        String id = created.json().path("instance").path("id").asString();

        Response read = call("GET", "/v1.0/" + alpha + "/instances/" + id, token, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("instance").path("name").asString()).isEqualTo("alpha-db");
        assertThat(count("select count(*) from tenants where id = ? and name = 'alpha'", alpha))
                .as("the project's first token made its tenant").isEqualTo(1);
    }

    @Test
    void aReadersTokenReadsButIsRefusedAChangeNamingThePermission() {
        String token = admin.token("alpha-reader", PASSWORD, "alpha");

        assertThat(call("GET", "/v1.0/" + alpha + "/instances", token, null).status()).isEqualTo(200);
        Response refused = call("POST", "/v1.0/" + alpha + "/instances", token, createBody("not-made"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("'write'");
    }

    @Test
    void anotherProjectNeverSeesTheFirstsResources() {
        String alphaToken = admin.token("alpha-member", PASSWORD, "alpha");
        String id = call("POST", "/v1.0/" + alpha + "/instances", alphaToken, createBody("alpha-private")).json()
                .path("instance").path("id").asString();
        String betaToken = admin.token("beta-member", PASSWORD, "beta");

        assertThat(call("GET", "/v1.0/" + alpha + "/instances/" + id, betaToken, null).status()).isEqualTo(404);
        assertThat(call("GET", "/v1.0/" + alpha + "/instances", betaToken, null).status()).isEqualTo(404);
        assertThat(call("DELETE", "/v1.0/" + alpha + "/instances/" + id, betaToken, null).status()).isEqualTo(404);
        assertThat(call("GET", "/v1.0/" + beta + "/instances", betaToken, null).json().path("instances")
                .valueStream().map(i -> i.path("id").asString())).doesNotContain(id);
    }

    @Test
    void theAdminsTokenReachesTheManagementRoutesAndAMembersDoesNot() {
        String adminToken = admin.token("admin", KeystoneServer.ADMIN_PASSWORD, "admin");
        String memberToken = admin.token("alpha-member", PASSWORD, "alpha");
        call("POST", "/v1.0/" + alpha + "/instances", memberToken, createBody("seen-by-operator"));

        Response all = call("GET", "/v1.0/" + adminProject + "/mgmt/instances", adminToken, null);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("instances").valueStream().map(i -> i.path("tenant_id").asString()))
                .contains(alpha);
        assertThat(call("GET", "/v1.0/" + alpha + "/mgmt/instances", memberToken, null).status()).isEqualTo(403);
    }

    @Test
    void aRevokedTokenIsRefusedWithKeystonesChallenge() {
        String token = admin.token("beta-member", PASSWORD, "beta");

        admin.revoke(token);

        Response refused = call("GET", "/v1.0/" + beta + "/instances", token, null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Keystone uri=\"" + keystone.url() + "/v3\"");
    }

    /** Keystone's answer is remembered for the default 300 s, yet not past the token's own expiry. */
    @Test
    void anExpiredTokenIsRefusedThoughKeystonesAnswerWasRemembered() {
        String token = admin.token("beta-member", PASSWORD, "beta");
        assertThat(call("GET", "/v1.0/" + beta + "/instances", token, null).status()).isEqualTo(200);

        await().atMost(KeystoneServer.TOKEN_LIFE.plusSeconds(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> call("GET", "/v1.0/" + beta + "/instances", token, null).status() == 401);
        assertThat(count("select count(*) from tenants where id = ?", beta)).isEqualTo(1);
    }

    @Test
    void shoalsOwnTokensKeepWorkingBesideKeystones() {
        assertThat(call("GET", "/v1.0/mgmt/tenants", OPERATOR, null).status()).isEqualTo(200);
        assertThat(call("GET", "/v1.0/" + alpha + "/instances", OPERATOR, null).status()).isIn(200, 404);
        assertThat(call("GET", "/v1.0/mgmt/tenants", "not-a-token-anyone-issued", null).status()).isEqualTo(401);
    }

    @Test
    void theOpenstackClientFindsShoalThroughTheCatalog() throws Exception {
        registerShoal();
        String token = admin.token("alpha-member", PASSWORD, "alpha");
        call("POST", "/v1.0/" + alpha + "/instances", token, createBody("listed-by-cli"));

        JsonNode instances = JSON.readTree(openstack("alpha-member", "alpha", "database", "instance", "list",
                "-f", "json"));
        assertThat(instances.valueStream().map(i -> i.path("Name").asString())).contains("listed-by-cli");
        JsonNode datastores = JSON.readTree(openstack("alpha-member", "alpha", "datastore", "list", "-f", "json"));
        assertThat(datastores.valueStream().map(d -> d.path("Name").asString())).contains("mysql");
    }

    private synchronized void registerShoal() {
        if (!registered) {
            admin.registerEndpoint("database", "shoal", "http://127.0.0.1:" + port + "/v1.0/%(tenant_id)s");
            registered = true;
        }
    }

    /** The unmodified client with ordinary password authentication; its standard output. */
    private static String openstack(String user, String project, String... command) throws IOException,
            InterruptedException {
        return new OpenstackCli(keystone, user, PASSWORD, project).run(command);
    }
}

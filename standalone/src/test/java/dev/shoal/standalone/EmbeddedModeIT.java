package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar starts with nothing configured: embedded PostgreSQL and broker, and serves the catalog. */
class EmbeddedModeIT {

    private static final String OPERATOR_TOKEN = "shoal_embedded-mode-token-0123456789abcdef";

    @TempDir
    Path home;

    @Test
    void startsOnEmbeddedDefaultsAndServesDatastores() throws Exception {
        int port = EmbeddedBroker.freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("shoal.standalone.jar"))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("standalone.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SHOAL_"));
        env.put("SHOAL_HOME", home.toString());
        env.put("SHOAL_PORT", Integer.toString(port));
        env.put("SHOAL_BOOTSTRAP_TOKEN", OPERATOR_TOKEN);
        Process process = builder.start();
        try {
            ShoalHttp http = new ShoalHttp("http://127.0.0.1:" + port);
            await("standalone up").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> process.isAlive() && http.send("GET", "/v1.0/mgmt/tenants", OPERATOR_TOKEN, null)
                            .status() == 200);
            http.newTenant(OPERATOR_TOKEN, "embedded");

            ShoalHttp.Response datastores = http.send("GET", "/v1.0/embedded/datastores", OPERATOR_TOKEN, null);

            assertThat(datastores.status()).as(datastores.body()).isEqualTo(200);
            assertThat(datastores.json().path("datastores").findValuesAsString("name")).contains("mysql");
            assertThat(new File(home.toFile(), "postgres")).as("embedded PostgreSQL data").isDirectory();
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.2", port), 2_000);
                }
            }).as("bound to 127.0.0.1 alone").isInstanceOf(ConnectException.class);
            Path key = home.resolve("secrets.key");
            assertThat(Files.getPosixFilePermissions(key)).as("the key node secrets are encrypted with")
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Base64.getDecoder().decode(Files.readString(key).strip())).hasSize(32);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

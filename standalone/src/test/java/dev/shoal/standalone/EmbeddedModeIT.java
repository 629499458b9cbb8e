package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.testsupport.ControlPlane;
import java.io.File;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar starts with nothing configured: embedded PostgreSQL and broker, a key of its own for node secrets,
 * on 127.0.0.1 alone, and serves the catalog and its metrics; its first answer already knows the configured operator
 * token.
 */
class EmbeddedModeIT {

    private static final String OPERATOR_TOKEN = "shoal_embedded-mode-token-0123456789abcdef";

    @TempDir
    Path home;

    @Test
    void startsOnEmbeddedDefaultsAndServesDatastores() throws Exception {
        try (ControlPlane plane = ControlPlane.standalone(Path.of(System.getProperty("shoal.standalone.jar")),
                List.of(), Map.of("SHOAL_HOME", home.toString(), "SHOAL_BOOTSTRAP_TOKEN", OPERATOR_TOKEN), home)) {
            plane.start();
            ShoalHttp http = new ShoalHttp(plane.apiUrl());

            ShoalHttp.Response first = firstAnswer(http, plane);

            assertThat(first.status()).as("the first answer, with the configured operator token: " + first.body())
                    .isEqualTo(200);
            plane.awaitReady(Duration.ofMinutes(2));
            http.newTenant(OPERATOR_TOKEN, "embedded");
            ShoalHttp.Response datastores = http.send("GET", "/v1.0/embedded/datastores", OPERATOR_TOKEN, null);
            assertThat(datastores.status()).as(datastores.body()).isEqualTo(200);
            assertThat(datastores.json().path("datastores").findValuesAsString("name")).contains("mysql");
            ShoalHttp.Response metrics = http.text("/actuator/prometheus");
            assertThat(metrics.status()).as("scraped without a token").isEqualTo(200);
            assertThat(metrics.body()).as("the api's, the task manager's and the conductor's meters in one scrape")
                    .contains("shoal_outbox_lag_seconds ", "shoal_nodes{status=\"ACTIVE\"}",
                            "shoal_heartbeat_age_seconds ", "http_server_requests_seconds_count{");
            assertThat(new File(home.toFile(), "postgres")).as("embedded PostgreSQL data").isDirectory();
            int port = URI.create(plane.apiUrl()).getPort();
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.2", port), 2_000);
                }
            }).as("bound to 127.0.0.1 alone").isInstanceOf(ConnectException.class);
            Path key = home.resolve("secrets.key");
            assertThat(Files.getPosixFilePermissions(key)).as("the key node secrets are encrypted with")
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Base64.getDecoder().decode(Files.readString(key).strip())).hasSize(32);
            plane.stop();
        }
    }

    /** Asks as soon as the port opens: nothing answers before the start-up work is done. */
    private static ShoalHttp.Response firstAnswer(ShoalHttp http, ControlPlane plane) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!plane.services().get(0).isAlive()) {
                throw new AssertionError("the standalone exited: " + ControlPlane.tail(plane.services().get(0).log()));
            }
            try {
                return http.send("GET", "/v1.0/mgmt/tenants", OPERATOR_TOKEN, null);
            } catch (IllegalStateException portNotOpenYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the standalone did not answer within 2 minutes");
    }
}

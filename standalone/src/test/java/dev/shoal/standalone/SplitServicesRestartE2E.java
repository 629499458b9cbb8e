package dev.shoal.standalone;

import dev.shoal.testsupport.ControlPlane;
import dev.shoal.testsupport.TestBroker;
import dev.shoal.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The api, task manager and conductor as their own jars against this machine's PostgreSQL and RabbitMQ. */
class SplitServicesRestartE2E extends ControlPlaneRestartE2E {

    private static final Path HOME = Path.of("target", "restart-split").toAbsolutePath();

    @Override
    ControlPlane controlPlane() throws IOException {
        StandaloneE2E.killLeftovers(HOME);
        StandaloneE2E.deleteRecursively(HOME);
        Files.createDirectories(HOME);
        String run = System.getenv().getOrDefault("SHOAL_E2E_RUN", "e2e");
        return ControlPlane.split(
                List.of(jar("shoal.api.jar"), jar("shoal.taskmanager.jar"), jar("shoal.conductor.jar")),
                settings("127.0.41.1", nodesDir()),
                Map.of("SHOAL_DB_URL", TestDatabase.fresh("shoal_restart_" + run + "_test"),
                        "SHOAL_DB_USER", TestDatabase.user(),
                        "SHOAL_DB_PASSWORD", TestDatabase.password(),
                        "SHOAL_AMQP_URI", TestBroker.fresh("shoal-restart-" + run + "-test",
                                "taskmanager", "taskmanager.dlq", "conductor", "conductor.dlq")),
                HOME);
    }

    private static Path jar(String property) {
        return Path.of(System.getProperty(property));
    }

    @Override
    Path nodesDir() {
        return HOME.resolve("nodes");
    }

    @Override
    String tenant() {
        return "splitrestarted";
    }
}

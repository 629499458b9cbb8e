package dev.shoal.standalone;

import dev.shoal.testsupport.ControlPlane;
import dev.shoal.testsupport.TestBroker;
import dev.shoal.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The control planes the restart suite restarts, each in a directory and on node addresses of its own. */
final class RestartedControlPlanes {

    private RestartedControlPlanes() {
    }

    /** How to make one, where its nodes live, and the tenant it serves. */
    interface Setup {

        String name();

        ControlPlane controlPlane() throws IOException;

        Path nodesDir();

        String tenant();
    }

    /** The standalone jar on its embedded PostgreSQL and broker. */
    static Setup standalone() {
        Path home = Path.of("target", "restart-standalone").toAbsolutePath();
        return new Directory("the standalone", home, "restarted") {
            @Override
            public ControlPlane controlPlane() throws IOException {
                return ControlPlane.standalone(jar("shoal.standalone.jar"),
                        ControlPlaneRestartE2E.settings("127.0.40.1", nodesDir()),
                        Map.of("SHOAL_HOME", prepared().toString()), home);
            }
        };
    }

    /** The api, task manager and conductor as their own jars against this machine's PostgreSQL and RabbitMQ. */
    static Setup split() {
        Path home = Path.of("target", "restart-split").toAbsolutePath();
        return new Directory("the split services", home, "splitrestarted") {
            @Override
            public ControlPlane controlPlane() throws IOException {
                prepared();
                String run = System.getenv().getOrDefault("SHOAL_E2E_RUN", "e2e");
                return ControlPlane.split(
                        List.of(jar("shoal.api.jar"), jar("shoal.taskmanager.jar"), jar("shoal.conductor.jar")),
                        ControlPlaneRestartE2E.settings("127.0.41.1", nodesDir()),
                        Map.of("SHOAL_DB_URL", TestDatabase.fresh("shoal_restart_" + run + "_test"),
                                "SHOAL_DB_USER", TestDatabase.user(),
                                "SHOAL_DB_PASSWORD", TestDatabase.password(),
                                "SHOAL_AMQP_URI", TestBroker.fresh("shoal-restart-" + run + "-test",
                                        "taskmanager", "taskmanager.dlq", "conductor", "conductor.dlq")),
                        home);
            }
        };
    }

    private static Path jar(String property) {
        return Path.of(System.getProperty(property));
    }

    /** A setup whose home is emptied of an earlier run's processes and files first. */
    private abstract static class Directory implements Setup {

        private final String name;
        private final Path home;
        private final String tenant;

        Directory(String name, Path home, String tenant) {
            this.name = name;
            this.home = home;
            this.tenant = tenant;
        }

        Path prepared() throws IOException {
            StandaloneE2E.killLeftovers(home);
            StandaloneE2E.deleteRecursively(home);
            return Files.createDirectories(home);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Path nodesDir() {
            return home.resolve("nodes");
        }

        @Override
        public String tenant() {
            return tenant;
        }
    }
}

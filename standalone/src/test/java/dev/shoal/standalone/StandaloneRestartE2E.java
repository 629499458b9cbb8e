package dev.shoal.standalone;

import dev.shoal.testsupport.ControlPlane;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The standalone jar on its embedded PostgreSQL and broker, restarted with its nodes running. */
class StandaloneRestartE2E extends ControlPlaneRestartE2E {

    private static final Path HOME = Path.of("target", "restart-standalone").toAbsolutePath();

    @Override
    ControlPlane controlPlane() throws IOException {
        StandaloneE2E.killLeftovers(HOME);
        StandaloneE2E.deleteRecursively(HOME);
        java.nio.file.Files.createDirectories(HOME);
        return ControlPlane.standalone(Path.of(System.getProperty("shoal.standalone.jar")),
                settings("127.0.40.1", nodesDir()),
                Map.of("SHOAL_HOME", HOME.toString()), HOME);
    }

    @Override
    Path nodesDir() {
        return HOME.resolve("nodes");
    }

    @Override
    String tenant() {
        return "restarted";
    }
}

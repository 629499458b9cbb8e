package dev.shoal.standalone;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A replication cluster's writer's host lost, as the cluster suites lose it: the moment it went and the address its
 * {@code writer} endpoint names once another node took over.
 */
record ClusterTakeover(Instant lost, String writerIp) {

    static ClusterTakeover afterLosingWriterHost(ShoalHttp http, String path, String token, Path writerDir)
            throws Exception {
        String oldWriter = writer(http, path, token);
        Instant lost = Instant.now();
        NodeDirectories.loseHost(writerDir);
        String writer = await("another node took over").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> writer(http, path, token), shown -> !shown.isEmpty() && !shown.equals(oldWriter));
        return new ClusterTakeover(lost, writer.substring(0, writer.lastIndexOf(':')));
    }

    private static String writer(ShoalHttp http, String path, String token) {
        return http.send("GET", path, token, null).json().path("cluster").path("endpoints").path("writer")
                .asString("");
    }
}

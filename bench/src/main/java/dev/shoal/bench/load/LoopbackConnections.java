package dev.shoal.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Established TCP connections to a local port, from /proc/net/tcp and tcp6 (Java's sockets are IPv6 ones reaching
 * 127.0.0.1 as ::ffff:127.0.0.1): proof that a phase used its connections.
 */
final class LoopbackConnections {

    private static final String ESTABLISHED = "01";

    private LoopbackConnections() {
    }

    /** @return connections whose remote end is {@code port}, i.e. the clients' side; 0 where /proc is not there */
    static int to(int port) {
        return to(port, Path.of("/proc/net/tcp")) + to(port, Path.of("/proc/net/tcp6"));
    }

    private static int to(int port, Path table) {
        try {
            List<String> lines = Files.readAllLines(table);
            String remote = String.format(":%04X", port);
            int open = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[2].endsWith(remote) && fields[3].equals(ESTABLISHED)) {
                    open++;
                }
            }
            return open;
        } catch (IOException e) {
            return 0;
        }
    }
}

package dev.shoal.guestagent;

import dev.shoal.contracts.NodeSecret;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * What the compute driver tells a guest at spawn, from its private {@code guest.properties}. The node secret
 * arrives only this way, never over the bus.
 */
public record GuestConfig(
        String nodeId,
        NodeSecret secret,
        String address,
        Path nodeDir,
        String amqpUri,
        Duration heartbeatInterval,
        Optional<Path> mariadbd,
        Optional<Path> mysqlBasedir) {

    public static GuestConfig load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return from(properties, file.toString());
    }

    static GuestConfig from(Properties properties, String source) {
        String heartbeat = properties.getProperty("heartbeat.interval", "PT10S").trim();
        Duration interval;
        try {
            interval = Duration.parse(heartbeat);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(source + ": heartbeat.interval must be an ISO-8601 duration such as"
                    + " PT10S, not '" + heartbeat + "'");
        }
        return new GuestConfig(
                required(properties, "node.id", source),
                new NodeSecret(required(properties, "node.secret", source)),
                required(properties, "node.address", source),
                Path.of(required(properties, "node.dir", source)),
                required(properties, "amqp.uri", source),
                interval,
                optional(properties, "mysql.mariadbd").map(Path::of),
                optional(properties, "mysql.basedir").map(Path::of));
    }

    private static String required(Properties properties, String key, String source) {
        return optional(properties, key)
                .orElseThrow(() -> new IllegalArgumentException(source + ": " + key + " is missing"));
    }

    private static Optional<String> optional(Properties properties, String key) {
        return Optional.ofNullable(properties.getProperty(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "GuestConfig[node=" + nodeId + ", address=" + address + ", dir=" + nodeDir + "]";
    }
}

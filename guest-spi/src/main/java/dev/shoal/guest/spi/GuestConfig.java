package dev.shoal.guest.spi;

import dev.shoal.contracts.NodeSecret;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
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
        Map<String, String> settings) {

    public GuestConfig {
        settings = Map.copyOf(settings);
    }

    public GuestConfig(String nodeId, NodeSecret secret, String address, Path nodeDir, String amqpUri,
                       Duration heartbeatInterval) {
        this(nodeId, secret, address, nodeDir, amqpUri, heartbeatInterval, Map.of());
    }

    /** The datastore manager this node runs ({@code datastore.manager}); a node that names none is refused. */
    public String datastore() {
        return setting("datastore.manager").orElseThrow(() -> new IllegalArgumentException("node " + nodeId
                + ": datastore.manager is missing, so it is not known which datastore it runs"));
    }

    /**
     * Where replication snapshots are kept ({@code snapshot.dir}): the object store of this deployment, reached
     * by every node; defaults to a directory beside the node's own.
     */
    public Path snapshotDir() {
        return setting("snapshot.dir").map(Path::of).orElse(nodeDir.resolveSibling(".snapshots"));
    }

    /**
     * Where backups are kept ({@code backup.dir}): the deployment's backup store, reached by every node, so an
     * instance can be restored from another's backup; defaults to a directory beside the node's own.
     */
    public Path backupDir() {
        return setting("backup.dir").map(Path::of).orElse(nodeDir.resolveSibling(".backups"));
    }

    /** Any other setting the compute driver wrote, such as where a datastore's binaries are. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public static GuestConfig load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return from(properties, file.toString());
    }

    public static GuestConfig from(Properties properties, String source) {
        String heartbeat = properties.getProperty("heartbeat.interval", "PT10S").trim();
        Duration interval;
        try {
            interval = Duration.parse(heartbeat);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(source + ": heartbeat.interval must be an ISO-8601 duration such as"
                    + " PT10S, not '" + heartbeat + "'");
        }
        required(properties, "datastore.manager", source);
        return new GuestConfig(
                required(properties, "node.id", source),
                new NodeSecret(required(properties, "node.secret", source)),
                required(properties, "node.address", source),
                Path.of(required(properties, "node.dir", source)),
                required(properties, "amqp.uri", source),
                interval,
                settings(properties));
    }

    /** Everything but the secret, which has its own field and must not travel further. */
    private static Map<String, String> settings(Properties properties) {
        Map<String, String> settings = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.equals("node.secret")) {
                settings.put(key, properties.getProperty(key));
            }
        }
        return settings;
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

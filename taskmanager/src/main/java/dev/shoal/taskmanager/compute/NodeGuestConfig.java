package dev.shoal.taskmanager.compute;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a node's {@code guest.properties} says of its address and its broker account, as the driver that made the node
 * wrote it.
 */
final class NodeGuestConfig {

    private final Properties config;

    private NodeGuestConfig(Properties config) {
        this.config = config;
    }

    static NodeGuestConfig of(Path nodeDir) throws IOException {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(nodeDir.resolve("guest.properties"))) {
            config.load(reader);
        }
        return new NodeGuestConfig(config);
    }

    /** @throws IOException when the file names no address */
    String address() throws IOException {
        String address = config.getProperty("node.address");
        if (address == null) {
            throw new IOException("guest.properties names no address");
        }
        return address;
    }

    /**
     * The node's own account, from the secret its guest holds.
     *
     * @throws IllegalArgumentException when the file names no node id or secret
     */
    GuestBrokerAccount account() {
        String nodeId = config.getProperty("node.id");
        String secret = config.getProperty("node.secret");
        if (nodeId == null || secret == null) {
            throw new IllegalArgumentException("guest.properties names no node id or secret");
        }
        return GuestBrokerAccount.forNode(nodeId, new NodeSecret(secret));
    }

    /**
     * Whether the node was made by a driver that gives each node a broker account of its own: its guest.properties
     * then logs in as that account. A node made before has a guest agent of that time, which cannot work with one.
     */
    boolean madeWithOwnAccount() {
        try {
            String userInfo = new URI(config.getProperty("amqp.uri", "")).getUserInfo();
            return userInfo != null && userInfo.startsWith(account().username() + ":");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

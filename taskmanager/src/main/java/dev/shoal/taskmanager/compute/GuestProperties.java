package dev.shoal.taskmanager.compute;

import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * What a guest is told at spawn, whichever driver places it: {@code guest.properties}, the node's secret included,
 * and {@code broker.properties}, the broker and the node's own account there. Each driver hands both to the guest
 * its own private way (an owner-only file, a read-only Secret).
 */
public final class GuestProperties {

    public static final String GUEST_FILE = "guest.properties";
    public static final String BROKER_URI_KEY = GuestBrokerFile.URI_KEY;

    private GuestProperties() {
    }

    /**
     * @param nodeDir    the node's directory as the guest sees it
     * @param brokerUri  the broker as the guest reaches it, with the control plane's credentials, which the node's own
     *                   account replaces
     * @param settings   what every guest is told by its datastore's own names, over the defaults above
     */
    public static Properties guest(NodeSpec spec, String nodeDir, String brokerUri, Duration heartbeatInterval,
                                   String snapshotDir, String backupDir, Map<String, String> settings) {
        Properties config = new Properties();
        config.setProperty("node.id", spec.nodeId());
        config.setProperty("node.secret", spec.secret().value());
        config.setProperty("node.address", spec.address());
        config.setProperty("node.dir", nodeDir);
        // guests read broker.properties; this is for those older than that file
        config.setProperty("amqp.uri", nodeBrokerUri(spec, brokerUri));
        config.setProperty("heartbeat.interval", heartbeatInterval.toString());
        config.setProperty("datastore.manager", spec.datastore());
        config.setProperty("snapshot.dir", snapshotDir);
        config.setProperty("backup.dir", backupDir);
        settings.forEach(config::setProperty);
        return config;
    }

    /** The broker file's content: the broker URI with the node's own account. */
    public static Properties broker(NodeSpec spec, String brokerUri) {
        Properties broker = new Properties();
        broker.setProperty(BROKER_URI_KEY, nodeBrokerUri(spec, brokerUri));
        return broker;
    }

    public static String nodeBrokerUri(NodeSpec spec, String brokerUri) {
        return GuestBrokerAccount.forNode(spec.nodeId(), spec.secret()).amqpUri(brokerUri);
    }

    /** The properties as a file holds them. */
    public static String text(Properties properties, String comment) {
        StringWriter out = new StringWriter();
        try {
            properties.store(out, comment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

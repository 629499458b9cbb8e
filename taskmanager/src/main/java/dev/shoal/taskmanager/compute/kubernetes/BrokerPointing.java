package dev.shoal.taskmanager.compute.kubernetes;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import dev.shoal.taskmanager.compute.GuestProperties;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points every node's guest at the broker of now: nodes outlive the control plane, whose broker may have moved or be
 * new. Each node's account is read from the secret in its guest file.
 */
final class BrokerPointing {

    private static final Logger log = LoggerFactory.getLogger(BrokerPointing.class);

    private final NodeNamespace namespace;
    private final String brokerUri;

    BrokerPointing(NodeNamespace namespace, String brokerUri) {
        this.namespace = namespace;
        this.brokerUri = brokerUri;
    }

    /** @return how many nodes were pointed at the broker */
    int pointAll(Consumer<GuestBrokerAccount> prepare) {
        int pointed = 0;
        for (String nodeId : namespace.nodes()) {
            try {
                if (point(nodeId, prepare)) {
                    pointed++;
                }
            } catch (KubernetesClientException e) {
                log.error("node {}: could not point its guest at the broker: {}", nodeId, e.getMessage());
            }
        }
        log.info("pointed the guests of {} nodes in namespace {} at the broker", pointed, namespace.name());
        return pointed;
    }

    /** A node whose account cannot be made ready is pointed still, in case the broker has it from before. */
    private boolean point(String nodeId, Consumer<GuestBrokerAccount> prepare) {
        Secret secret = namespace.secret(nodeId);
        Optional<String> nodeSecret = Optional.ofNullable(secret)
                .flatMap(found -> NodeSecretFiles.read(found, NodeManifests.GUEST_FILE))
                .map(guest -> guest.getProperty("node.secret"));
        if (nodeSecret.isEmpty()) {
            log.error("node {}: its Secret holds no guest file; its guest cannot follow the broker", nodeId);
            return false;
        }
        GuestBrokerAccount account = GuestBrokerAccount.forNode(nodeId, new NodeSecret(nodeSecret.get()));
        try {
            prepare.accept(account);
        } catch (RuntimeException e) {
            log.error("node {}: its broker account could not be made ready; its guest may not log in: {}", nodeId,
                    e.getMessage());
        }
        Properties broker = new Properties();
        broker.setProperty(GuestProperties.BROKER_URI_KEY, account.amqpUri(brokerUri));
        if (!NodeSecretFiles.read(secret, NodeManifests.BROKER_FILE).equals(Optional.of(broker))) {
            namespace.client().secrets().inNamespace(namespace.name()).withName(NodeObjects.secret(nodeId))
                    .edit(current -> new SecretBuilder(current).removeFromData(NodeManifests.BROKER_FILE)
                            .addToStringData(NodeManifests.BROKER_FILE, GuestProperties.text(broker,
                                    "Shoal guest agent of node " + nodeId)).build());
        }
        return true;
    }
}

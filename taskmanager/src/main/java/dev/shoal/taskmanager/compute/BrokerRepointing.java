package dev.shoal.taskmanager.compute;

import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the guest of every node in the work directory at this control plane's broker, by rewriting each
 * node's broker file: guests outlive the control plane, and its broker may have moved since they started, or be
 * new. Each node's account (and whatever else its guest needs on the broker) is made ready first by
 * {@code prepare}, so that a guest that follows the file finds it; a node it fails for is still pointed, in case
 * the broker has it from before. Runs before the task manager serves, so that a guest's next reconnection
 * attempt finds the broker.
 */
final class BrokerRepointing {

    private static final Logger log = LoggerFactory.getLogger(BrokerRepointing.class);

    private final String guestAmqpUri;

    BrokerRepointing(String guestAmqpUri) {
        this.guestAmqpUri = guestAmqpUri;
    }

    /** @return how many nodes were pointed at the broker */
    int pointAll(List<Path> nodeDirs, Consumer<GuestBrokerAccount> prepare, Path workDir) {
        int pointed = 0;
        for (Path nodeDir : nodeDirs) {
            try {
                NodeGuestConfig config = NodeGuestConfig.of(nodeDir);
                NodeLock.ensureFile(nodeDir);
                GuestBrokerAccount account = config.account();
                if (config.madeWithOwnAccount()) {
                    try {
                        prepare.accept(account);
                    } catch (RuntimeException e) {
                        log.error("node {}: its broker account could not be made ready; its guest may not log in: {}",
                                account.nodeId(), e.getMessage());
                    }
                    GuestBrokerFile.write(nodeDir, account.amqpUri(guestAmqpUri));
                } else {
                    // its guest declares the shared exchange on every reconnect, which a node's own account may not
                    log.warn("node {} runs a guest agent older than per-node broker accounts: it keeps the control"
                            + " plane's broker credentials until it is rebuilt or replaced", account.nodeId());
                    GuestBrokerFile.write(nodeDir, guestAmqpUri);
                }
                pointed++;
            } catch (IOException | IllegalArgumentException e) {
                log.error("node {}: could not write its {}, its guest cannot follow the broker: {}",
                        nodeDir.getFileName(), GuestBrokerFile.FILE_NAME, e.toString());
            }
        }
        log.info("pointed the guests of {} nodes in {} at broker {}", pointed, workDir,
                GuestBrokerFile.redacted(guestAmqpUri));
        return pointed;
    }
}

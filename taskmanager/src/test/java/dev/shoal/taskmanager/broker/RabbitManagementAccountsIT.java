package dev.shoal.taskmanager.broker;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.testsupport.GuestBrokerAccountsContract;
import dev.shoal.testsupport.TestBroker;
import java.net.URI;

/**
 * Guests' accounts made through the management API of the real RabbitMQ (the machine's, or that of
 * {@code SHOAL_TEST_AMQP_HOST}, port 15672, as the AMQP user), in a virtual host of this suite's own.
 */
class RabbitManagementAccountsIT extends GuestBrokerAccountsContract {

    private static final String VHOST = "shoal-taskmanager-brokeraccounts-test";

    private final URI amqp = URI.create(TestBroker.fresh(VHOST));
    private final String[] credentials = amqp.getUserInfo().split(":", 2);
    private final RabbitManagementAccounts accounts = new RabbitManagementAccounts(
            URI.create("http://" + amqp.getHost() + ":" + BrokerAdminProperties.DEFAULT_PORT), credentials[0],
            credentials[1], amqp.getPath().substring(1));

    @Override
    protected Account ensure(String nodeId) {
        GuestBrokerAccount account = GuestBrokerAccount.forNode(nodeId, secretOf(nodeId));
        accounts.ensure(account);
        return new Account(account.username(), account.password());
    }

    @Override
    protected void delete(String nodeId) {
        accounts.delete(nodeId);
    }

    @Override
    protected ConnectionFactory broker() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqp.toString());
        return factory;
    }

    @Override
    protected Connection connectAsControlPlane() throws Exception {
        return broker().newConnection("rabbit-management-accounts-it");
    }

    /** A fixed secret per node, as a node keeps its own. */
    private static NodeSecret secretOf(String nodeId) {
        return new NodeSecret("secret-of-" + nodeId);
    }
}

package dev.shoal.taskmanager.broker;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * RabbitMQ's management HTTP API, through which the task manager creates and deletes the broker account of each
 * node. Unset values are those of the task manager's own AMQP connection: the management API on its host at port
 * 15672, with its user and password.
 *
 * @param url      the management API's base, e.g. {@code http://rabbitmq:15672}
 * @param username a user tagged {@code administrator} (creating users needs it)
 * @param password that user's password
 */
@ConfigurationProperties("shoal.taskmanager.broker-admin")
public record BrokerAdminProperties(URI url, String username, String password) {

    public static final int DEFAULT_PORT = 15672;

    @Override
    public String toString() {
        return "BrokerAdminProperties[url=" + url + ", username=" + username + ", password ****]";
    }
}

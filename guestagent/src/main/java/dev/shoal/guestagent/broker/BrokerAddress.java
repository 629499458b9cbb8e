package dev.shoal.guestagent.broker;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * One broker as an AMQP URI names it, read by the RabbitMQ client's own URI parsing so that encoded
 * characters, default ports and {@code amqps} mean what they mean to the client.
 */
public record BrokerAddress(String uri, String host, int port, String username, String password,
                            String virtualHost, boolean tls) {

    /** @throws IllegalArgumentException when {@code uri} is not an AMQP URI with a host */
    public static BrokerAddress parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("no AMQP URI");
        }
        String trimmed = uri.trim();
        try {
            // the client falls back to localhost for an authority it cannot read ("amqp://h:notaport")
            if (new URI(trimmed).getHost() == null) {
                throw new IllegalArgumentException("no host in the AMQP URI");
            }
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(trimmed);
            return new BrokerAddress(trimmed, factory.getHost(), factory.getPort(), factory.getUsername(),
                    factory.getPassword(), factory.getVirtualHost(), factory.isSSL());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI: " + e.getReason());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("not an AMQP URI: " + e.getMessage());
        }
    }

    public Address address() {
        return new Address(host, port);
    }

    /** Where it points, without the credentials: fit for logs. */
    public String redacted() {
        return (tls ? "amqps" : "amqp") + "://" + host + ":" + port + "/" + virtualHost;
    }

    @Override
    public String toString() {
        return redacted();
    }
}

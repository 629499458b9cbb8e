package dev.shoal.taskmanager.broker;

import dev.shoal.contracts.Routing;
import java.util.regex.Pattern;

/**
 * What a node's account may do in RabbitMQ, as its permission regexes. Resource permissions name exchanges and
 * queues: nothing to configure (declaring the exchange would also allow deleting it), write on the shoal exchange
 * alone (not {@code amq.default}, through which any queue is reached), read on the node's own queue alone. The topic
 * permission on the shoal exchange then narrows publishing to the conductor's routing key and task managers' reply
 * queues, and allows binding nothing.
 */
record RabbitGuestPermissions(String configure, String write, String read, String topicExchange, String topicWrite,
                              String topicRead) {

    private static final String NOTHING = "^$";

    static RabbitGuestPermissions forNode(String nodeId) {
        return new RabbitGuestPermissions(NOTHING, exactly(Routing.EXCHANGE), exactly(Routing.guestQueue(nodeId)),
                Routing.EXCHANGE, "^(" + quote(Routing.CONDUCTOR_QUEUE) + "|" + quote(Routing.replyQueuePrefix())
                + ".+)$", NOTHING);
    }

    private static String exactly(String name) {
        return "^" + quote(name) + "$";
    }

    /** RabbitMQ reads PCRE, which knows Java's \Q...\E; escaping each character keeps the regex plain to read. */
    private static String quote(String literal) {
        StringBuilder quoted = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }

    boolean mayPublish(String routingKey) {
        return Pattern.matches(topicWrite, routingKey);
    }
}

package dev.shoal.testsupport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ virtual host of its own for one test suite, so suites never take each other's messages,
 * on the broker named by {@code SHOAL_TEST_AMQP_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD}
 * (default: this machine's 127.0.0.1:5672 as guest). Missing virtual hosts are added with
 * {@code rabbitmqctl}; every queue in it is deleted once per JVM.
 */
public final class TestBroker {

    private static final Map<String, String> PREPARED = new ConcurrentHashMap<>();

    private TestBroker() {
    }

    /** @return an AMQP URI of an empty virtual host called {@code vhost} */
    public static String fresh(String vhost, String... queuesToDelete) {
        return PREPARED.computeIfAbsent(vhost + TestDatabase.runSuffix("-"), v -> prepare(v, queuesToDelete));
    }

    private static String prepare(String vhost, String... queues) {
        String uri = "amqp://" + TestDatabase.env("SHOAL_TEST_AMQP_USER", "guest") + ":"
                + TestDatabase.env("SHOAL_TEST_AMQP_PASSWORD", "guest") + "@"
                + TestDatabase.env("SHOAL_TEST_AMQP_HOST", "127.0.0.1") + ":"
                + TestDatabase.env("SHOAL_TEST_AMQP_PORT", "5672") + "/" + vhost;
        try {
            deleteQueues(uri, queues);
        } catch (IOException | RuntimeException e) {
            rabbitmqctl("add_vhost", vhost);
            rabbitmqctl("set_permissions", "-p", vhost, TestDatabase.env("SHOAL_TEST_AMQP_USER", "guest"),
                    ".*", ".*", ".*");
            try {
                deleteQueues(uri, queues);
            } catch (IOException | RuntimeException again) {
                throw new IllegalStateException("cannot use RabbitMQ virtual host " + vhost
                        + " (is RabbitMQ running? see README)", again);
            }
        }
        return uri;
    }

    private static void deleteQueues(String uri, String... queues) throws IOException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (Exception e) {
            throw new IllegalArgumentException(uri, e);
        }
        try (Connection connection = factory.newConnection("test-broker-reset")) {
            for (String queue : queues) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDelete(queue);
                }
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(e);
        }
    }

    private static void rabbitmqctl(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "rabbitmqctl";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " timed out");
            }
        } catch (IOException e) {
            throw new IllegalStateException("rabbitmqctl not available to add a virtual host", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

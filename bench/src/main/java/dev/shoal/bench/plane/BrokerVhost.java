package dev.shoal.bench.plane;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A virtual host of this machine's RabbitMQ made empty for one run and deleted after it, with the node accounts the
 * task manager made in it. Through the management API, which the task manager needs anyway for those accounts.
 */
public final class BrokerVhost implements AutoCloseable {

    private static final String MANAGEMENT = "http://127.0.0.1:15672/api";
    private static final String USER = "guest";
    private static final String PASSWORD = "guest";

    private final String name;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private BrokerVhost(String name) {
        this.name = name;
    }

    public static BrokerVhost fresh(String name) throws IOException, InterruptedException {
        BrokerVhost vhost = new BrokerVhost(name);
        vhost.delete();
        vhost.send("PUT", "/vhosts/" + vhost.encoded(), "{}");
        vhost.send("PUT", "/permissions/" + vhost.encoded() + "/" + USER,
                "{\"configure\": \".*\", \"write\": \".*\", \"read\": \".*\"}");
        return vhost;
    }

    public String amqpUri() {
        return "amqp://" + USER + ":" + PASSWORD + "@127.0.0.1:5672/" + encoded();
    }

    public String name() {
        return name;
    }

    /** Messages in a queue of this vhost, ready and unacknowledged; -1 when the queue is not there. */
    public long depth(String queue) throws IOException, InterruptedException {
        HttpResponse<String> response = request("GET", "/queues/" + encoded() + "/" + queue, null);
        if (response.statusCode() == 404) {
            return -1;
        }
        JsonNode body = json.readTree(response.body());
        return body.path("messages").asLong(0);
    }

    /** A policy of this vhost, named {@code name}, applying {@code definition} (JSON) to the queues it matches. */
    public void policy(String name, String queuePattern, String definition) throws IOException, InterruptedException {
        send("PUT", "/policies/" + encoded() + "/" + name, "{\"pattern\": " + json.writeValueAsString(queuePattern)
                + ", \"definition\": " + definition + ", \"apply-to\": \"queues\", \"priority\": 10}");
    }

    public void deletePolicy(String name) throws IOException, InterruptedException {
        request("DELETE", "/policies/" + encoded() + "/" + name, null);
    }

    private void delete() throws IOException, InterruptedException {
        HttpResponse<String> permissions = request("GET", "/vhosts/" + encoded() + "/permissions", null);
        if (permissions.statusCode() == 200) {
            for (JsonNode permission : json.readTree(permissions.body())) {
                String user = permission.path("user").asString();
                if (!USER.equals(user)) {
                    request("DELETE", "/users/" + URLEncoder.encode(user, StandardCharsets.UTF_8), null);
                }
            }
        }
        request("DELETE", "/vhosts/" + encoded(), null);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        delete();
    }

    private String encoded() {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private void send(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = request(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IOException("RabbitMQ management " + method + " " + path + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    private HttpResponse<String> request(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(MANAGEMENT + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IOException("RabbitMQ's management API is not on 127.0.0.1:15672 (rabbitmq-plugins enable"
                    + " rabbitmq_management): the task manager makes each node's broker account through it", e);
        }
    }
}

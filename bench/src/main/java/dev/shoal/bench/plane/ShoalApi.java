package dev.shoal.bench.plane;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few Shoal API calls the bench makes outside its timed loops, as the operator. */
public final class ShoalApi {

    private final String url;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public ShoalApi(String url, String token) {
        this.url = url;
        this.token = token;
    }

    public String url() {
        return url;
    }

    public String token() {
        return token;
    }

    /** A request the timed loops send again and again. */
    public HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).header("X-Auth-Token", token)
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    public void createTenant(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/v1.0/mgmt/tenants",
                "{\"tenant\": {\"id\": \"" + id + "\", \"name\": \"" + id + "\"}}");
        if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
            throw new IOException("tenant " + id + " not created: " + response.statusCode() + " " + response.body());
        }
    }

    /** @return the new instance's id */
    public String createInstance(String tenant, String name) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/v1.0/" + tenant + "/instances",
                "{\"instance\": {\"name\": \"" + name + "\", \"datastore\": {\"type\": \"mysql\"},"
                        + " \"flavorRef\": \"1\", \"volume\": {\"size\": 1}}}");
        if (response.statusCode() / 100 != 2) {
            throw new IOException("instance " + name + " not created: " + response.statusCode() + " "
                    + response.body());
        }
        return json.readTree(response.body()).path("instance").path("id").asString();
    }

    /** The instance's status, or empty once it is gone. */
    public Optional<String> status(String tenant, String id) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/v1.0/" + tenant + "/instances/" + id, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("instance " + id + ": " + response.statusCode() + " " + response.body());
        }
        return Optional.of(json.readTree(response.body()).path("instance").path("status").asString());
    }

    /** Polls until the instance shows {@code wanted}; fails at once on ERROR. */
    public Duration awaitStatus(String tenant, String id, String wanted, Duration timeout)
            throws IOException, InterruptedException {
        Instant start = Instant.now();
        String last = null;
        while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
            last = status(tenant, id).orElse("GONE");
            if (last.equals(wanted)) {
                return Duration.between(start, Instant.now());
            }
            if (last.equals("ERROR")) {
                throw new IOException("instance " + id + " went to ERROR");
            }
            Thread.sleep(200);
        }
        throw new IOException("instance " + id + " not " + wanted + " within " + timeout.toSeconds() + " s (last "
                + last + ")");
    }

    public void deleteInstance(String tenant, String id) throws IOException, InterruptedException {
        HttpResponse<String> response = send("DELETE", "/v1.0/" + tenant + "/instances/" + id, null);
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw new IOException("instance " + id + " not deleted: " + response.statusCode() + " "
                    + response.body());
        }
    }

    public HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("X-Auth-Token", token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

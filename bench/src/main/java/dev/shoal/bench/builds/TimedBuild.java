package dev.shoal.bench.builds;

import dev.shoal.bench.plane.ShoalApi;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One resource built through the API and timed as a client sees it: from sending its POST to the first read that
 * shows it {@code ACTIVE}, read every 50 ms; then its operation, whose step times break that down.
 *
 * @param path      {@code instances} or {@code clusters}
 * @param id        the resource's id
 * @param posted    when the POST was sent
 * @param active    when a read first showed it ACTIVE
 * @param operation the operation that built it, as the API shows it once ACTIVE
 */
record TimedBuild(String path, String id, Instant posted, Instant active, JsonNode operation) {

    private static final Duration READ_EVERY = Duration.ofMillis(50);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    Duration took() {
        return Duration.between(posted, active);
    }

    /**
     * @param path    {@code instances} or {@code clusters}
     * @param member  the body's member: {@code instance} or {@code cluster}
     * @param created told the resource's id as soon as it is known, so that it is deleted whatever happens next
     */
    static TimedBuild run(ShoalApi api, String tenant, String path, String member, String body, Duration timeout,
                          java.util.function.Consumer<String> created) throws IOException, InterruptedException {
        Instant posted = Instant.now();
        HttpResponse<String> response = api.send("POST", "/v1.0/" + tenant + "/" + path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        String id = JSON.readTree(response.body()).path(member).path("id").asString();
        created.accept(id);
        String operationPath = response.headers().firstValue("Operation-Location")
                .map(location -> location.substring(location.indexOf("/v1.0/")))
                .orElseThrow(() -> new IOException("POST " + path + " answered no Operation-Location"));
        Instant deadline = posted.plus(timeout);
        String status = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> read = api.send("GET", "/v1.0/" + tenant + "/" + path + "/" + id, null);
            status = read.statusCode() == 200 ? JSON.readTree(read.body()).path(member).path("status").asString()
                    : Integer.toString(read.statusCode());
            if (status.equals("ACTIVE")) {
                Instant active = Instant.now();
                return new TimedBuild(path, id, posted, active, operation(api, operationPath));
            }
            if (status.equals("ERROR")) {
                throw new IOException(member + " " + id + " went to ERROR: " + read.body());
            }
            Thread.sleep(READ_EVERY.toMillis());
        }
        throw new IOException(member + " " + id + " not ACTIVE within " + timeout.toSeconds() + " s (last " + status
                + ")");
    }

    private static JsonNode operation(ShoalApi api, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = api.send("GET", path, null);
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("operation");
    }

    /** Deletes it and waits until it is gone (404). */
    static void delete(ShoalApi api, String tenant, String path, String id, Duration timeout)
            throws IOException, InterruptedException {
        HttpResponse<String> response = api.send("DELETE", "/v1.0/" + tenant + "/" + path + "/" + id, null);
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw new IOException("DELETE " + path + "/" + id + ": " + response.statusCode() + " " + response.body());
        }
        Instant deadline = Instant.now().plus(timeout);
        while (api.send("GET", "/v1.0/" + tenant + "/" + path + "/" + id, null).statusCode() != 404) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException(path + "/" + id + " still there " + timeout.toSeconds() + " s after its delete");
            }
            Thread.sleep(250);
        }
    }
}

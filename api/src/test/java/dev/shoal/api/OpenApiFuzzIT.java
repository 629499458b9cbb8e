package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends hostile variants of every operation in {@code /v3/api-docs} (see {@link HostileRequests}) in a tenant whose
 * quotas are 0, and holds that none answers 5xx, that every 4xx is a problem body with Trove's fault envelope, and
 * that no refused request changes the number of rows of any table. {@code -Dshoal.fuzz.seed=N} replays a run.
 */
class OpenApiFuzzIT extends ApiTestSupport {

    private static final int PER_OPERATION = 36;
    private static final Set<String> FAULTS = Set.of("badRequest", "unauthorized", "forbidden", "itemNotFound",
            "badMethod", "notAcceptable", "conflict", "overLimit", "badMediaType", "unprocessableEntity");
    /** Written by background work (the outbox relay, the conductor), not by requests. */
    private static final Set<String> BACKGROUND_TABLES = Set.of("outbox", "processed_messages", "int_lock",
            "conductor_lastseen", "service_statuses", "flyway_schema_history");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void noHostileRequestAnswers5xxOrAnswersWithoutAProblemBodyOrWritesARow() {
        long seed = Long.getLong("shoal.fuzz.seed", System.nanoTime());
        System.out.println("OpenApiFuzzIT seed " + seed + " (replay with -Dshoal.fuzz.seed=" + seed + ")");
        String token = tenantToken("fuzz");
        assertThat(call("PUT", "/v1.0/fuzz/mgmt/quotas/fuzz", OPERATOR,
                "{\"quotas\": {\"instances\": 0, \"volumes\": 0, \"backups\": 0}}").status()).isEqualTo(200);
        JsonNode docs = call("GET", "/v3/api-docs", null, null).json();
        HostileRequests hostile = new HostileRequests(new Random(seed), docs, "fuzz");

        long started = System.nanoTime();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int requests = 0;
        List<String> serverErrors = new ArrayList<>();
        List<String> notProblems = new ArrayList<>();
        List<String> writes = new ArrayList<>();
        Map<String, Long> rows = rowCounts();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                for (HostileRequests.Hostile request : hostile.of(method, path.getKey(), operation.getValue(),
                        PER_OPERATION)) {
                    HttpResponse<String> answer = send(request, request.path().startsWith("/v1.0/mgmt")
                            ? OPERATOR : token);
                    requests++;
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                    String said = answer.statusCode() + " for " + request + ": " + abbreviate(answer.body());
                    if (answer.statusCode() >= 500) {
                        serverErrors.add(said);
                    } else if (answer.statusCode() >= 400 && !isProblem(request.method(), answer)) {
                        notProblems.add(said);
                    }
                    Map<String, Long> after = rowCounts();
                    if (answer.statusCode() >= 400 && !after.equals(rows)) {
                        writes.add(said + " changed rows " + rows + " -> " + after);
                    }
                    rows = after;
                }
            }
        }

        System.out.printf("OpenApiFuzzIT seed %d: %d requests in %d s, %d answered 5xx, %d 4xx without a problem"
                + " body, %d refused requests changed rows; statuses %s%n", seed, requests,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), serverErrors.size(), notProblems.size(),
                writes.size(), statuses);
        assertThat(requests).isGreaterThanOrEqualTo(2000);
        assertThat(serverErrors).as("5xx answers (seed " + seed + ")").isEmpty();
        assertThat(notProblems).as("4xx answers that are not problem bodies (seed " + seed + ")").isEmpty();
        assertThat(writes).as("refused requests that changed rows (seed " + seed + ")").isEmpty();
    }

    private HttpResponse<String> send(HostileRequests.Hostile hostile, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + hostile.path()))
                .timeout(Duration.ofSeconds(20)).header("X-Auth-Token", token)
                .method(hostile.method(), hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(hostile.body()));
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("no answer to " + hostile, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isProblem(String method, HttpResponse<String> answer) {
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return false;
        }
        if (method.equals("HEAD")) {
            return true; // a HEAD answer has headers only
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (RuntimeException notJson) {
            return false;
        }
        return body.path("status").asInt() == answer.statusCode() && body.path("type").isString()
                && FAULTS.stream().anyMatch(fault -> body.path(fault).path("code").asInt() == answer.statusCode());
    }

    private Map<String, Long> rowCounts() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema ="
                + " current_schema() and table_type = 'BASE TABLE'").query(String.class).list();
        String sum = String.join(" union all ", tables.stream().filter(t -> !BACKGROUND_TABLES.contains(t))
                .map(t -> "select '" + t + "', count(*) from " + t).toList());
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql(sum).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

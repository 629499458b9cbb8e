package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Prometheus scrapes the api without a token and finds no id in any label; every answer names its request. */
class ObservabilityIT extends ApiTestSupport {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern LABEL_VALUE = Pattern.compile("=\"([^\"]*)\"");
    private static final Pattern UUID_LIKE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Test
    void prometheusScrapesWithoutATokenAndNoLabelCarriesAnId() throws Exception {
        String token = tenantToken("scraped");
        String instance = activeInstance("scraped", token);
        assertThat(call("GET", instance, token, null).status()).isEqualTo(200);

        HttpResponse<String> scrape = get("/actuator/prometheus", null);

        assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
        assertThat(scrape.body()).contains("shoal_outbox_lag_seconds ")
                .contains("uri=\"/v1.0/{tenantId}/instances/{id}\"");
        Matcher labels = LABEL_VALUE.matcher(scrape.body());
        while (labels.find()) {
            assertThat(labels.group(1)).as("a label value").doesNotContainPattern(UUID_LIKE)
                    .doesNotContain("scraped");
        }
    }

    @Test
    void otherActuatorPathsNeedTheOperatorsToken() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env", OPERATOR).statusCode()).as("not exposed").isEqualTo(404);
    }

    @Test
    void everyAnswerNamesItsRequestKeepingAWellFormedIdTheCallerGave() throws Exception {
        assertThat(get("/v1.0/nobody/instances", null).headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("req-" + UUID_LIKE.pattern()));
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health")).header("X-Request-Id", "trace-42"))
                .headers().firstValue("X-Request-Id")).hasValue("trace-42");
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health")).header("X-Request-Id", "a b\"c"))
                .headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req-"));
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

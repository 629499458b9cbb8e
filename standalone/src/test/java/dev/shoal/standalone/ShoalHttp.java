package dev.shoal.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the Shoal API, as a tenant's tooling would use it. */
final class ShoalHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    ShoalHttp(String base) {
        this.base = base;
    }

    Response send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode parsed = response.body().isBlank() || !isJson ? null : json.readTree(response.body());
            return new Response(response.statusCode(), parsed, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET of a text answer (Prometheus' format), without a token: its status and body. */
    Response text(String path) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), null, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a tenant and a token of it with the operator token; returns the tenant's token. */
    String newTenant(String operatorToken, String tenantId) {
        Response tenant = send("POST", "/v1.0/mgmt/tenants", operatorToken,
                "{\"tenant\": {\"id\": \"" + tenantId + "\", \"name\": \"" + tenantId + "\"}}");
        if (tenant.status() != 201) {
            throw new IllegalStateException("tenant not created: " + tenant);
        }
        Response token = send("POST", "/v1.0/mgmt/tenants/" + tenantId + "/tokens", operatorToken,
                "{\"token\": {\"name\": \"e2e\"}}");
        if (token.status() != 201) {
            throw new IllegalStateException("token not created: " + token);
        }
        return token.json().path("token").path("token").asString();
    }

    record Response(int status, JsonNode json, String body) {
    }
}

package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description stays in step with the controllers: every Shoal endpoint is in it, with its problems. */
class OpenApiIT extends ApiTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsDescribedWithItsProblemBodies() {
        Response docs = call("GET", "/v3/api-docs", null, null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asString()).startsWith("3.1");
        JsonNode paths = docs.json().path("paths");

        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!isShoals(handler)) {
                return;
            }
            for (String path : info.getPatternValues()) {
                info.getMethodsCondition().getMethods().forEach(method -> {
                    JsonNode operation = paths.path(path).path(method.name().toLowerCase(Locale.ROOT));
                    if (operation.isMissingNode()) {
                        missing.add(method + " " + path);
                    } else {
                        assertThat(operation.path("responses").path("422").path("content")
                                .path("application/problem+json").isMissingNode())
                                .as(method + " " + path + " lists its problem bodies").isFalse();
                    }
                });
            }
        });
        assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
        assertThat(paths.has("/v1.0/{tenantId}/clusters")).isTrue();
        assertThat(docs.json().path("components").path("securitySchemes").path("token").path("name").asString())
                .isEqualTo("X-Auth-Token");
        assertThat(swaggerUi()).isEqualTo(200);
    }

    private int swaggerUi() {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/swagger-ui/index.html")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isShoals(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("dev.shoal.api");
    }
}

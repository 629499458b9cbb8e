package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
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

    @Test
    void everyTypeInTheDocumentHasASchemaNameOfItsOwn() {
        Map<String, Set<Class<?>>> byName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        mappings.getHandlerMethods().values().stream().filter(OpenApiIT::isShoals).forEach(handler -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                collect(parameter.getGenericParameterType(), seen);
            }
            collect(handler.getReturnType().getGenericParameterType(), seen);
        });
        seen.forEach(type -> byName.computeIfAbsent(schemaName(type), name -> new HashSet<>()).add(type));

        assertThat(byName).as("schema names shared by several types").allSatisfy((name, types) ->
                assertThat(types).as(name).hasSize(1));
    }

    @Test
    void everyRequestBodyReferencesTheSchemaOfWhatItsControllerReads() {
        JsonNode docs = call("GET", "/v3/api-docs", null, null).json();
        JsonNode schemas = docs.path("components").path("schemas");
        List<String> checked = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            MethodParameter body = requestBody(handler);
            if (!isShoals(handler) || body == null || !body.getParameterType().isRecord()) {
                return;
            }
            for (String path : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    String operation = method + " " + path;
                    JsonNode described = docs.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT));
                    JsonNode content = described.path("requestBody").path("content");
                    assertThat(content.isObject()).as(operation + " documents its body").isTrue();
                    assertThat(described.path("responses").has("415")).as(operation + " documents its 415").isTrue();
                    content.forEach(media -> {
                        String ref = media.path("schema").path("$ref").asString();
                        assertThat(ref).as(operation).startsWith("#/components/schemas/");
                        JsonNode schema = schemas.path(ref.substring("#/components/schemas/".length()));
                        assertThat(schema.isObject()).as(operation + " references " + ref).isTrue();
                        assertThat(propertyNames(schema)).as(operation + " " + ref)
                                .containsExactlyInAnyOrderElementsOf(jsonNames(body.getParameterType()));
                    });
                    checked.add(operation);
                }
            }
        });
        assertThat(checked).as("operations with a record body").hasSizeGreaterThan(10);
    }

    private static MethodParameter requestBody(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestBody.class)).findFirst().orElse(null);
    }

    private static List<String> propertyNames(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("properties").propertyNames().forEach(names::add);
        return names;
    }

    private static List<String> jsonNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(component -> {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
        }).toList();
    }

    /** Shoal's types reachable from a controller's signature: what springdoc turns into schemas. */
    private static void collect(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType generic) {
            collect(generic.getRawType(), seen);
            for (Type argument : generic.getActualTypeArguments()) {
                collect(argument, seen);
            }
        } else if (type instanceof Class<?> cls && cls.getPackageName().startsWith("dev.shoal") && !cls.isEnum()
                && seen.add(cls) && cls.isRecord()) {
            for (RecordComponent component : cls.getRecordComponents()) {
                if (component.getAnnotation(JsonIgnore.class) == null) {
                    collect(component.getGenericType(), seen);
                }
            }
        }
    }

    private static String schemaName(Class<?> type) {
        Schema schema = type.getAnnotation(Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
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

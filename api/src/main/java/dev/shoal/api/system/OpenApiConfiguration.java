package dev.shoal.api.system;

import dev.shoal.api.idempotency.IdempotencyProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}), generated from
 * the controllers; every operation also lists the problem bodies it can answer with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    private static final String TOKEN = "token";
    private static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    private static final Set<PathItem.HttpMethod> MUTATING = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** Problem types (the last part of {@code type}, also in {@code code}) each status carries. */
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "invalid-field, malformed-body, bad-request, bad-path: the request is malformed (a wrong type, an"
                    + " unknown member, a control character, a value too long or out of range, a path segment such"
                    + " as '..'); `field`/`errors` name it",
            "401", "unauthenticated: no token, or an unknown, expired or revoked one",
            "403", "forbidden: the token's role may not do this",
            "404", "not-found: no such resource in this tenant",
            "405", "method-not-allowed: the path does not take this method",
            "409", "conflict: the resource is busy or the change would break it (a master with replicas, a "
                    + "cluster's last node); `detail` says why",
            "413", "quota-exceeded: the tenant's quota (instances, volumes, backups) would be exceeded; Trove's "
                    + "overLimit fault",
            "415", "unsupported-media-type: a body that is not application/json",
            "422", "unknown-reference, inconsistent-request: each field is well-formed but a reference leads "
                    + "nowhere or fields disagree; `errors` names them all");

    @Bean
    OpenAPI shoalOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Shoal").version("v1.0").description("Trove's v1.0 database API: instances,"
                        + " replication and clusters. Errors are RFC 9457 problem bodies that also carry Trove's"
                        + " fault envelope. A successful answer that starts a task carries an Operation-Location"
                        + " header: the address of the operation (/v1.0/{tenantId}/operations/{id}) to follow it"
                        + " by."))
                .components(new Components()
                        .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Auth-Token"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }

    /** Every operation lists its problems; those that change something also take an {@code Idempotency-Key}. */
    @Bean
    OpenApiCustomizer problemResponses(IdempotencyProperties idempotency) {
        Map<String, String> mutatingProblems = idempotencyProblems();
        return openApi -> {
            openApi.getComponents().addParameters(IDEMPOTENCY_KEY, idempotencyKey(idempotency.keyTtl()));
            openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                boolean mutating = MUTATING.contains(method);
                addProblems(operation, mutating ? mutatingProblems : PROBLEMS);
                if (mutating) {
                    operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + IDEMPOTENCY_KEY));
                }
            }));
        };
    }

    private static void addProblems(Operation operation, Map<String, String> problems) {
        problems.forEach((status, description) -> {
            if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
                operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
    }

    private static Map<String, String> idempotencyProblems() {
        Map<String, String> problems = new HashMap<>(PROBLEMS);
        problems.merge("400", "; or an Idempotency-Key that is empty, longer than " + ColumnSizes.IDEMPOTENCY_KEY
                + " characters or not printable ASCII (`field`: Idempotency-Key)", String::concat);
        problems.merge("409", "; idempotency-key-in-use: the first request with this Idempotency-Key is still being"
                + " processed, retry later", String::concat);
        problems.merge("422", "; idempotency-key-reused: this Idempotency-Key was first used for another request"
                + " (method, path with query, or body differ)", String::concat);
        return Map.copyOf(problems);
    }

    private static Parameter idempotencyKey(Duration ttl) {
        String kept = ttl.toString().substring("PT".length()).toLowerCase(Locale.ROOT);
        return new HeaderParameter().name("Idempotency-Key").required(false)
                .schema(new StringSchema().minLength(1).maxLength(ColumnSizes.IDEMPOTENCY_KEY))
                .description("Makes the request safe to retry (draft-ietf-httpapi-idempotency-key-header): a unique"
                        + " key per request, e.g. a UUID, bare or as a quoted string. The first request with a key is"
                        + " processed and its answer (status, body, Location, Operation-Location) kept for " + kept
                        + " from then; a retry with the same key, method, path and body gets that answer again with"
                        + " `Idempotent-Replayed: true`, and nothing is done twice. Keys are the calling token's own."
                        + " A 5xx answer is not kept, so its retry is processed again. The same key with another"
                        + " request answers 422, a retry while the first is in progress 409.");
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details with Shoal's code and Trove's fault"
                        + " envelope (e.g. {\"badRequest\": {\"code\": 400, \"message\": \"...\"}})")
                .addProperty("type", new StringSchema().description("https://shoal.dev/problems/<code>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema())
                .addProperty("field", new StringSchema().description("the field at fault, when one is"))
                .addProperty("errors", new ObjectSchema().description("every field at fault: [{field, message}]"));
    }
}

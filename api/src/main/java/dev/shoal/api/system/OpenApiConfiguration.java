package dev.shoal.api.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
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

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations()
                .forEach(OpenApiConfiguration::addProblems));
    }

    private static void addProblems(Operation operation) {
        PROBLEMS.forEach((status, description) -> {
            if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
                operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
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

package dev.shoal.api.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as written: a number or boolean is not a string (a user host {@code true} must not become
 * the account {@code u@true}), {@code 1.9} is not a count, and a member no request names is refused, not dropped
 * (the members Trove's own schema allows and Shoal does not use are listed on each request record with
 * {@code @JsonIgnoreProperties}). A refusal names its field in the 400. Only request bodies are read strictly: the
 * application's mapper still reads what Shoal stored itself.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    /**
     * Registered ahead of the default converters, so it reads every JSON body; it writes nothing, so answers (the
     * OpenAPI document's text among them) are still written by Boot's converters.
     */
    @Bean
    StrictJsonReader strictJsonReader(JsonMapper json) {
        return new StrictJsonReader(strict(json));
    }

    static JsonMapper strict(JsonMapper json) {
        return json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, integer -> integer
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .build();
    }
}

package dev.shoal.api.system;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON request bodies with the strict mapper and never writes. Not a {@code JacksonJsonHttpMessageConverter},
 * so Boot still configures its own for writing answers.
 */
final class StrictJsonReader extends AbstractJacksonHttpMessageConverter<JsonMapper> {

    StrictJsonReader(JsonMapper strict) {
        super(strict, MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return false;
    }
}

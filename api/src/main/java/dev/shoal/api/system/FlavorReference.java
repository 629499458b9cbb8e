package dev.shoal.api.system;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Trove's schema lets {@code flavorRef} be a string or an integer (its clients send either), while every other
 * string field refuses numbers; this reads both forms as the flavor's id or link.
 */
public class FlavorReference extends StdScalarDeserializer<String> {

    public FlavorReference() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getString();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}

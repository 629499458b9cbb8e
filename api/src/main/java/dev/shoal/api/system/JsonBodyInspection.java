package dev.shoal.api.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Looks at every JSON body before it is bound, whatever the controller binds it to (a record, a map, a tree), so
 * that a control character in any string or member name is refused with a 400 naming the field and never reaches
 * PostgreSQL. A body that is not JSON passes through untouched: the converter reports it.
 */
@ControllerAdvice
class JsonBodyInspection extends RequestBodyAdviceAdapter {

    private final JsonMapper json;

    JsonBodyInspection(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        byte[] body = message.getBody().readAllBytes();
        if (body.length > 0) {
            inspect(body);
        }
        return new Buffered(message.getHeaders(), body);
    }

    private void inspect(byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException notJson) {
            return;
        }
        visit(tree, "");
    }

    static void visit(JsonNode node, String path) {
        if (node.isString()) {
            if (ControlCharacters.firstForbidden(node.asString(), ControlCharacters.isFreeText(path)) >= 0) {
                throw ApiException.invalid(path.isEmpty() ? "body" : path, "must not contain control characters");
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String field = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                if (ControlCharacters.forbidden(member.getKey())) {
                    throw ApiException.invalid(path.isEmpty() ? "body" : path,
                            "a member name must not contain control characters");
                }
                visit(member.getValue(), field);
            }
        }
    }

    private record Buffered(HttpHeaders headers, byte[] body) implements HttpInputMessage {

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}

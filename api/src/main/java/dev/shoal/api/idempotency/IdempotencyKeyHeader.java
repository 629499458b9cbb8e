package dev.shoal.api.idempotency;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ColumnSizes;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Reads the {@code Idempotency-Key} header. The draft makes its value a Structured Field string (RFC 8941: {@code
 * "8e03978e-40d5-43e8-bc93-6894a57f9324"}); most clients send the key bare, so that is read too. Either way a key is
 * 1 to 255 printable ASCII characters, so that it fits its column and reads back the same in every api process and
 * in a problem body.
 */
final class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";

    private IdempotencyKeyHeader() {
    }

    /**
     * @param values every value the request sent under the header's name
     * @return the key, or empty when the request sent none
     * @throws ApiException a 400 naming the header when the value is malformed or sent more than once
     */
    static Optional<String> read(List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw malformed("must be sent once");
        }
        String value = values.get(0).strip();
        String key = value.startsWith("\"") ? unquote(value) : value;
        if (key.isBlank() || key.length() > ColumnSizes.IDEMPOTENCY_KEY || !printableAscii(key)) {
            throw malformed("must be 1 to " + ColumnSizes.IDEMPOTENCY_KEY + " printable ASCII characters");
        }
        return Optional.of(key);
    }

    /** 422: the key's first request was another one. */
    static ApiException reused() {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", NAME + ": this key was"
                + " first used for another request (its method, path or body differ); send a new request with a new"
                + " key", List.of(new ApiException.FieldProblem(NAME, "was first used for another request")));
    }

    /** 409: the key's first request, the same as this one, has not been answered yet. */
    static ApiException inUse() {
        return new ApiException(HttpStatus.CONFLICT, "idempotency-key-in-use", NAME + ": the first request with this"
                + " key is still being processed; retry once it has been answered",
                List.of(new ApiException.FieldProblem(NAME, "is in use by a request still being processed")));
    }

    /** An RFC 8941 string: within its quotes, only {@code \"} and {@code \\} are escapes, and no bare quote. */
    private static String unquote(String value) {
        if (value.length() < 2 || !value.endsWith("\"")) {
            throw malformed("is a quoted string without its closing quote");
        }
        StringBuilder key = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                char escaped = ++i < value.length() - 1 ? value.charAt(i) : 0;
                if (escaped != '"' && escaped != '\\') {
                    throw malformed("a quoted key may escape only '\"' and '\\'");
                }
                key.append(escaped);
            } else if (c == '"') {
                throw malformed("a quoted key must escape its '\"'");
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static boolean printableAscii(String key) {
        return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    private static ApiException malformed(String message) {
        return ApiException.invalid(NAME, message);
    }
}

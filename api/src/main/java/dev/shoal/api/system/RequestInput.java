package dev.shoal.api.system;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * What a request's line and headers must be before anything reads them: no path segment that could resolve to
 * another resource ({@code ..}, {@code .}, {@code ;} parameters, encoded slashes or backslashes), no control
 * character in the path or the query, and a JSON body labelled as JSON. Pure, so each rule is tested alone.
 */
final class RequestInput {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private RequestInput() {
    }

    /** Refuses a path that is not plain segments; {@code rawPath} is as sent, still percent-encoded. */
    static void checkPath(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains(";") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
            throw refused("the path must not contain ';', encoded slashes or backslashes");
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused("the path is not validly percent-encoded");
        }
        if (ControlCharacters.forbidden(decoded)) {
            throw refused("the path must not contain control characters");
        }
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw refused("the path must not contain '.' or '..' segments");
            }
        }
    }

    /** Refuses a query that does not decode or holds a control character, naming the parameter. */
    static void checkQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "query");
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            if (ControlCharacters.forbidden(name)) {
                throw refused("a query parameter's name must not contain control characters");
            }
            if (ControlCharacters.forbidden(value)) {
                throw ApiException.invalid(name, "must not contain control characters");
            }
        }
    }

    /** A body sent to a JSON API is JSON: a form or text body is a 415, whatever the endpoint. */
    static void checkBody(String method, String contentType, boolean hasBody) {
        if (!hasBody || !BODY_METHODS.contains(method)) {
            return;
        }
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("a body needs Content-Type: application/json");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw unsupported("the Content-Type cannot be parsed; send application/json");
        }
        if (!MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.getSubtype().endsWith("+json")) {
            throw unsupported(type + " is not accepted; send application/json");
        }
    }

    private static String decode(String text, String field) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "is not validly percent-encoded");
        }
    }

    private static ApiException refused(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-path", message, List.of());
    }

    private static ApiException unsupported(String message) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", message, List.of());
    }
}

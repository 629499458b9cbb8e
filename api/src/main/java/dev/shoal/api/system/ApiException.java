package dev.shoal.api.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A failure the client can act on; the problem handler turns it into an RFC 9457 body. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> fields;

    public ApiException(HttpStatus status, String code, String message, List<FieldProblem> fields) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " could not be found", List.of());
    }

    /** Trove answers a quota exceeded with 413 and its {@code overLimit} fault; its clients expect that. */
    public static ApiException overLimit(String message) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "quota-exceeded", message, List.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message, List.of());
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", message, List.of());
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-field", field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }

    public static ApiException unresolvable(String field, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-reference", field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }

    /** Each field is well-formed, but together they ask for something that cannot be (422). */
    public static ApiException inconsistent(String message, List<FieldProblem> fields) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "inconsistent-request", message, fields);
    }

    /** The datastore version does not offer this (to standalone instances, or to clusters): 422 naming it. */
    public static ApiException capabilityDisabled(String capability, String version, boolean cluster) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "capability-disabled", "capability " + capability
                + " is not enabled for " + (cluster ? "clusters of " : "instances of ") + version,
                List.of(new FieldProblem("capability", capability)));
    }

    public static ApiException invalid(List<FieldProblem> problems) {
        String message = problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                : problems.size() + " fields are invalid: " + problems.stream()
                        .map(p -> p.field() + " (" + p.message() + ")").reduce((a, b) -> a + ", " + b).orElse("");
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-field", message, problems);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    public record FieldProblem(String field, String message) {
    }
}

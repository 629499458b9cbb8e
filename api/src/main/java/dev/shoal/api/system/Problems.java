package dev.shoal.api.system;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem bodies that also carry Trove's fault envelope ({@code {"badRequest": {"code": 400,
 * "message": ...}}}), so python-troveclient and the openstack CLI print Shoal's message.
 */
public final class Problems {

    private static final String TYPE_BASE = "https://shoal.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail,
                                   List<ApiException.FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        decorate(problem, code, fields);
        return problem;
    }

    /** Adds the stable code, the fields at fault and the Trove envelope to any problem body. */
    public static void decorate(ProblemDetail problem, String code, List<ApiException.FieldProblem> fields) {
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setProperty("code", code);
        if (fields.size() == 1) {
            problem.setProperty("field", fields.get(0).field());
        }
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        String message = problem.getDetail() != null ? problem.getDetail() : problem.getTitle();
        // read first by python-troveclient, which otherwise takes the body's first member for the envelope
        problem.setProperty("message", message == null ? "" : message);
        problem.setProperty(troveFault(problem.getStatus()), Map.of("code", problem.getStatus(),
                "message", message == null ? "" : message));
    }

    /** The body as JSON members, for writers that have no Spring-configured mapper (Tomcat's valve). */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    static String troveFault(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 406 -> "notAcceptable";
            case 409 -> "conflict";
            case 413, 429 -> "overLimit";
            case 415 -> "badMediaType";
            case 422 -> "unprocessableEntity";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> status >= 500 ? "instanceFault" : "badRequest";
        };
    }

    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
    }
}

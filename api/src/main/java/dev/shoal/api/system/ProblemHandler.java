package dev.shoal.api.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error leaves as an RFC 9457 problem body with Trove's fault envelope; never a stack trace. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final UnavailableAnswers unavailable;

    ProblemHandler(UnavailableAnswers unavailable) {
        this.unavailable = unavailable;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> apiException(ApiException e) {
        return problem(e.status(), e.code(), e.getMessage(), e.fields());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String field = e.getName();
        if ("limit".equals(field) || "marker".equals(field)) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-field", field + ": '" + e.getValue() + "' is not valid",
                    List.of(new ApiException.FieldProblem(field, "not valid")));
        }
        // a malformed id in the path names nothing that exists
        return problem(HttpStatus.NOT_FOUND, "not-found", field + " '" + e.getValue() + "' could not be found",
                List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<Dependency> unreachable = Dependency.unreachable(e);
        if (unreachable.isPresent()) {
            return unavailable.response(unreachable.get(), e);
        }
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the request could not be completed; it has been logged", List.of());
    }

    /** A path variable that converts to nothing ({@code /instances/%20}) names nothing that exists, as a bad id. */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException e, HttpHeaders headers,
                                                               HttpStatusCode status, WebRequest request) {
        if (e.isMissingAfterConversion()) {
            return cast(problem(HttpStatus.NOT_FOUND, "not-found", e.getVariableName() + " could not be found",
                    List.of()));
        }
        return super.handleMissingPathVariable(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        JacksonException located = locatedCause(e);
        if (located != null) {
            String field = path(located);
            String message = located instanceof UnrecognizedPropertyException unknown ? unknownMember(unknown)
                    : "has the wrong type or form";
            return cast(problem(HttpStatus.BAD_REQUEST, "invalid-field", field + ": " + message,
                    List.of(new ApiException.FieldProblem(field, message))));
        }
        String detail = cause instanceof JacksonException ? "the body is not valid JSON"
                : "the request body is missing or unreadable";
        return cast(problem(HttpStatus.BAD_REQUEST, "malformed-body", detail, List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            Problems.decorate(problem, Problems.codeFor(status.value()), List.of());
        }
        return response;
    }

    /** Names the members that would have been read there, so a client learns what exists (an action's name). */
    private static String unknownMember(UnrecognizedPropertyException e) {
        List<String> known = e.getKnownPropertyIds() == null ? List.of() : e.getKnownPropertyIds().stream()
                .map(String::valueOf).sorted().toList();
        return "is not a member this request has" + (known.isEmpty() ? "" : "; one of " + known);
    }

    /** The outermost Jackson failure that knows where in the body it happened (an overflow's cause does not). */
    private static JacksonException locatedCause(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return jackson;
            }
        }
        return null;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String detail,
                                                 List<ApiException.FieldProblem> fields) {
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, code, detail, new ArrayList<>(fields)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}

package dev.shoal.api.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem body where no controller advice can: in filters, the error page, Tomcat's own refusals. */
@Component
public class ProblemWriter {

    private final JsonMapper json;
    private final UnavailableAnswers unavailable;

    ProblemWriter(JsonMapper json, UnavailableAnswers unavailable) {
        this.json = json;
        this.unavailable = unavailable;
    }

    public void write(HttpServletResponse response, HttpStatus status, String code, String detail,
                      List<ApiException.FieldProblem> fields) throws IOException {
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Problems.of(status, code, detail, fields));
    }

    /** A 503 for a dependency out of reach, with its {@code Retry-After}. */
    void writeUnavailable(HttpServletResponse response, Dependency dependency, Throwable failure) throws IOException {
        ProblemDetail problem = unavailable.problem(dependency, failure);
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, unavailable.retryAfter());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    public void write(HttpServletResponse response, ApiException e) throws IOException {
        write(response, e.status(), e.code(), e.getMessage(), e.fields());
    }
}

package dev.shoal.api.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem body where no controller advice can: in filters, the error page, Tomcat's own refusals. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, HttpStatus status, String code, String detail,
                      List<ApiException.FieldProblem> fields) throws IOException {
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Problems.of(status, code, detail, fields));
    }

    public void write(HttpServletResponse response, ApiException e) throws IOException {
        write(response, e.status(), e.code(), e.getMessage(), e.fields());
    }
}

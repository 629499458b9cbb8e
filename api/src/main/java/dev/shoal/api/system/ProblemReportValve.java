package dev.shoal.api.system;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat refuses some requests before any servlet runs (bad percent-encoding, an encoded slash or NUL in the path,
 * headers too large) and would answer with its HTML page; this answers the same status as a problem body.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            response.setContentType(ProblemMediaTypeFilter.wantsPlainJson(accept) ? MediaType.APPLICATION_JSON_VALUE
                    : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(Problems.asMap(Problems.of(HttpStatusCode.valueOf(status),
                        Problems.codeFor(status), detail(status), List.of()))));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response was taken over; nothing more can be said
        }
    }

    static String detail(int status) {
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return "the request line or headers are malformed: bad percent-encoding, an encoded slash or NUL in the"
                    + " path, or headers that are too large";
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "the request could not be completed" : known.getReasonPhrase();
    }
}

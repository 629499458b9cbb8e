package dev.shoal.api.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's fallback error page ({@code {"timestamp", "status", "error", "path"}}): whatever reached the
 * servlet container's error dispatch (a refusal by Spring Security's firewall, a {@code sendError}) leaves as a
 * problem body with the same status.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly, not dispatched to by the container: there is no such resource
            return ProblemHandler.problem(HttpStatus.NOT_FOUND, "not-found", "no resource at this path", List.of());
        }
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return ProblemHandler.problem(status, Problems.codeFor(status.value()), detail(status), List.of());
    }

    private static String detail(HttpStatus status) {
        return status.is5xxServerError() ? "the request could not be completed; it has been logged"
                : status == HttpStatus.BAD_REQUEST ? "the request is malformed" : status.getReasonPhrase();
    }
}

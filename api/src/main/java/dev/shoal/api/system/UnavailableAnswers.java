package dev.shoal.api.system;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The 503 a dependency out of reach answers, with {@code Retry-After}. Its body says which dependency, never how
 * it is reached (no host, port or driver message): those go to the log.
 */
@Component
class UnavailableAnswers {

    private static final Logger log = LoggerFactory.getLogger(UnavailableAnswers.class);

    private final UnavailableProperties properties;

    UnavailableAnswers(UnavailableProperties properties) {
        this.properties = properties;
    }

    ProblemDetail problem(Dependency dependency, Throwable failure) {
        log.warn("answering 503: {} ({})", dependency.detail(), rootMessage(failure));
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, dependency.code(), dependency.detail()
                + "; retry in " + retryAfter() + " s", List.of());
        problem.setTitle(dependency.title());
        problem.setProperty("retry_after", properties.retryAfterSeconds());
        return problem;
    }

    String retryAfter() {
        return Long.toString(properties.retryAfterSeconds());
    }

    ResponseEntity<ProblemDetail> response(Dependency dependency, Throwable failure) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfter())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(dependency, failure));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

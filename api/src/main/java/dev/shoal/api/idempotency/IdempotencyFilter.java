package dev.shoal.api.idempotency;

import dev.shoal.api.security.Caller;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a POST, PUT, PATCH or DELETE that carries an {@code Idempotency-Key} safe to retry: the first request with a
 * key is processed and its answer kept; a retry of the same request gets that answer again, marked {@code
 * Idempotent-Replayed: true}, and nothing is done twice. Runs after Spring Security's chain (the lowest precedence),
 * as keys are the calling token's own. A request without the header passes untouched.
 */
@Component
// after Spring Security's chain, and around the filter that adds Operation-Location, so that the kept answer has it
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotencyKeys keys;
    private final ProblemWriter problems;

    IdempotencyFilter(IdempotencyKeys keys, ProblemWriter problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !METHODS.contains(request.getMethod()) || request.getHeader(IdempotencyKeyHeader.NAME) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<KeyScope> scope = callerScope();
        if (scope.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key;
        try {
            key = IdempotencyKeyHeader.read(Collections.list(request.getHeaders(IdempotencyKeyHeader.NAME)))
                    .orElseThrow();
        } catch (ApiException malformed) {
            problems.write(response, malformed);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = RequestFingerprint.of(request.getMethod(),
                RequestFingerprint.pathAndQuery(request.getRequestURI(), request.getQueryString()), body);
        Claim claim = keys.claim(scope.get(), key, fingerprint);
        if (claim instanceof Claim.Granted granted) {
            process(new BufferedRequest(request, body), response, chain, granted);
        } else if (claim instanceof Claim.Answered answered) {
            replay(response, answered.response());
        } else {
            problems.write(response, claim instanceof Claim.Reused ? IdempotencyKeyHeader.reused()
                    : IdempotencyKeyHeader.inUse());
        }
    }

    private void process(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                         Claim.Granted claim) throws ServletException, IOException {
        RecordedResponse recorded = new RecordedResponse(response);
        try {
            chain.doFilter(request, recorded);
        } catch (IOException | ServletException | RuntimeException failure) {
            // the request failed as a whole (a 503 is written further out): the client may retry it
            try {
                keys.release(claim);
            } catch (RuntimeException unreleased) {
                failure.addSuppressed(unreleased);
            }
            throw failure;
        }
        keep(claim, recorded);
        recorded.copyBodyToResponse();
    }

    private void keep(Claim.Granted claim, RecordedResponse recorded) {
        Optional<StoredResponse> answer = recorded.toKeep();
        try {
            if (answer.isPresent()) {
                keys.complete(claim, answer.get());
            } else {
                keys.release(claim);
            }
        } catch (RuntimeException notKept) {
            // the work is done and its answer goes out; a retry meets a key in progress until it is abandoned
            log.warn("the answer to a request with an Idempotency-Key could not be kept: {}", notKept.toString());
        }
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.operationLocation() != null) {
            response.setHeader(StoredResponse.OPERATION_LOCATION, stored.operationLocation());
        }
        response.setHeader(REPLAYED, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private static Optional<KeyScope> callerScope() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(new KeyScope(caller.tokenId(), caller.tenantId())) : Optional.empty();
    }
}

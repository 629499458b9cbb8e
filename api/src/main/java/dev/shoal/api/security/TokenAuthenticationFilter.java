package dev.shoal.api.security;

import dev.shoal.api.system.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-Auth-Token} (OpenStack style) or {@code Authorization: Bearer} against stored hashes, then,
 * when Shoal runs inside an OpenStack cloud, at Keystone ({@link ExternalTokens}). A
 * token that matches nothing counts against its client address; past the address's allowance the answer is 429 with
 * {@code Retry-After} instead of 401. A valid token is served whatever its address did: tokens are 256 random bits,
 * so the limit is there to slow probing and floods, not to make guessing harder, and clients sharing an address
 * with a misbehaving one keep working.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    /** What every caller but a read-only one holds: changing things (any method but GET and HEAD). */
    static final String WRITE_PERMISSION = "write";
    private static final SimpleGrantedAuthority WRITE = new SimpleGrantedAuthority(WRITE_PERMISSION);

    private final TokenVerifier tokens;
    private final Optional<ExternalTokens> external;
    private final AuthFailureLimiter failures;
    private final ProblemWriter problems;

    TokenAuthenticationFilter(TokenVerifier tokens, Optional<ExternalTokens> external, AuthFailureLimiter failures,
                              ProblemWriter problems) {
        this.tokens = tokens;
        this.external = external;
        this.failures = failures;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> secret = secret(request);
        if (secret.isPresent()) {
            Optional<Caller> caller = external.flatMap(issuer -> issuer.remembered(secret.get()))
                    .or(() -> tokens.caller(secret.get()))
                    .or(() -> external.flatMap(issuer -> issuer.caller(secret.get())));
            if (caller.isPresent()) {
                authenticate(caller.get());
            } else {
                Optional<Duration> wait = failures.recordFailure(request.getRemoteAddr());
                if (wait.isPresent()) {
                    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-authentication-failures",
                            "too many requests with an unknown token from this address; retry in " + seconds + " s",
                            List.of());
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static void authenticate(Caller caller) {
        List<SimpleGrantedAuthority> authorities = caller.readOnly()
                ? List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name()))
                : List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name()), WRITE);
        var authentication = new UsernamePasswordAuthenticationToken(caller, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    private static Optional<String> secret(HttpServletRequest request) {
        String token = request.getHeader("X-Auth-Token");
        if (token != null && !token.isBlank()) {
            return Optional.of(token.trim());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.empty();
    }
}

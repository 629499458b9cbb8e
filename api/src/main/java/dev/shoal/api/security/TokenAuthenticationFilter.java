package dev.shoal.api.security;

import dev.shoal.domain.tenant.AuthToken;
import dev.shoal.domain.tenant.AuthTokenRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code X-Auth-Token} (OpenStack style) or {@code Authorization: Bearer} against stored hashes. */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final AuthTokenRepository tokens;

    TokenAuthenticationFilter(AuthTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        secret(request).flatMap(secret -> tokens.findByTokenHashAndRevokedAtIsNull(TokenSecrets.hash(secret)))
                .ifPresent(TokenAuthenticationFilter::authenticate);
        chain.doFilter(request, response);
    }

    private static void authenticate(AuthToken token) {
        Caller caller = new Caller(token.getId(), token.getRole(), token.getTenantId());
        var authentication = new UsernamePasswordAuthenticationToken(caller, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + token.getRole().name())));
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

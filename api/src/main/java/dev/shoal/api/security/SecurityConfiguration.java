package dev.shoal.api.security;

import dev.shoal.domain.tenant.AuthTokenRepository;
import dev.shoal.api.system.ProblemWriter;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * 401 for a missing or unknown token, 403 for a tenant token on operator resources or a read-only token on a
 * change; another tenant's
 * resources answer 404 (see {@link TenantPathGuard}), so their existence is not revealed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS");

    /**
     * Trove's clients name a database user {@code name@host} in the path, percent-encoding the host's {@code %}
     * and every {@code .}; the strict firewall refuses both by default. Letting them through is safe here: every
     * route matches on whole decoded segments, and the tenant is read from the matched path, not the raw URI.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedPercent(true);
        firewall.setAllowUrlEncodedPeriod(true);
        return firewall;
    }

    /**
     * The firewall's refusals (a method it does not know, a non-normalised path, a header it will not read) answer
     * problem bodies like every other error; an unknown method is a 405, anything else a 400.
     */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> {
            boolean knownMethod = STANDARD_METHODS.contains(request.getMethod());
            problems.write(response, knownMethod ? HttpStatus.BAD_REQUEST : HttpStatus.METHOD_NOT_ALLOWED,
                    knownMethod ? "bad-request" : "method-not-allowed", knownMethod
                            ? "the request was refused: its path or headers are not acceptable"
                            : request.getMethod() + " is not supported", List.of());
        };
    }

    @Bean
    AuthFailureLimiter authFailureLimiter(DataSource dataSource, AuthFailureLimitProperties properties) {
        return new AuthFailureLimiter(dataSource, properties);
    }

    @Bean
    TokenVerifier tokenVerifier(AuthTokenRepository tokens, TokenCacheProperties properties) {
        return new TokenVerifier(tokens, properties);
    }

    @Bean
    SecurityFilterChain shoalApiSecurity(HttpSecurity http, TokenVerifier tokens, AuthFailureLimiter failures,
                                         ProblemWriter problems, ObjectProvider<ExternalTokens> externalTokens)
            throws Exception {
        Optional<ExternalTokens> external = Optional.ofNullable(externalTokens.getIfAvailable());
        Optional<String> challenge = external.flatMap(ExternalTokens::challenge);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new TokenAuthenticationFilter(tokens, external, failures, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/error").permitAll()
                        // Trove's version documents: clients read them before they hold a token
                        .requestMatchers(HttpMethod.GET, "/", "/v1.0", "/v1.0/").permitAll()
                        // scraped by Prometheus, which holds no token: no tag carries a tenant's or a resource's id
                        .requestMatchers("/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .requestMatchers("/v1.0/mgmt/**").hasRole("OPERATOR")
                        .requestMatchers("/v1.0/*/mgmt/instances", "/v1.0/*/mgmt/instances/**").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/v1.0/**", "/v1/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/v1.0/**", "/v1/**").authenticated()
                        .requestMatchers("/v1.0/**", "/v1/**").hasAuthority(TokenAuthenticationFilter.WRITE_PERMISSION)
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            // keystonemiddleware's challenge: OpenStack clients learn where to get a token
                            challenge.ifPresent(value -> response.setHeader(HttpHeaders.WWW_AUTHENTICATE, value));
                            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "a valid X-Auth-Token or Authorization: Bearer token is required", List.of());
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", refusal(request.getMethod()), List.of())));
        return http.build();
    }

    /** Names the permission the token lacks, so its holder knows which role to ask for. */
    private static String refusal(String method) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean readOnly = authentication != null && authentication.getPrincipal() instanceof Caller caller
                && caller.readOnly();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        return readOnly && !read
                ? "this token may only read: " + method + " needs the permission '"
                        + TokenAuthenticationFilter.WRITE_PERMISSION + "' (a member's or an operator's role)"
                : "this token may not do that: it needs the permission 'operator'";
    }
}

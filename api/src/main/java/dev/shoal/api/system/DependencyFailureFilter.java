package dev.shoal.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 for a dependency out of reach wherever the failure happens outside the controllers' advice: the
 * security chain looks a token up (and counts a wrong one) in PostgreSQL before any controller runs, and would
 * otherwise leave a 500 on the container's error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DependencyFailureFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    DependencyFailureFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failure) {
            Optional<Dependency> unreachable = Dependency.unreachable(failure);
            if (unreachable.isEmpty() || response.isCommitted()) {
                throw failure;
            }
            problems.writeUnavailable(response, unreachable.get(), failure);
        }
    }
}

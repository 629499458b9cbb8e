package dev.shoal.api.instance;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Any request that may change something (an instance's own, its replica's, its group's, an operator's) makes this
 * process forget the instance views it remembers, once the change is answered: changes are rare beside reads, and
 * telling which views a change touches would cost more than building them again.
 */
@Component
class ChangesForgetRecentViews extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final RecentInstanceViews recent;

    ChangesForgetRecentViews(RecentInstanceViews recent) {
        this.recent = recent;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (!READS.contains(request.getMethod())) {
                recent.forgetAll();
            }
        }
    }
}

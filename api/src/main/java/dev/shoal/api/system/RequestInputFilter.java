package dev.shoal.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link RequestInput} before security and routing see the request, so a hostile path or query is a 400
 * problem body instead of being normalised into another resource or reaching PostgreSQL.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestInputFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    RequestInputFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            RequestInput.checkPath(request.getRequestURI());
            RequestInput.checkQuery(request.getQueryString());
            RequestInput.checkBody(request.getMethod(), request.getContentType(), hasBody(request));
        } catch (ApiException refused) {
            problems.write(response, refused);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }
}

package dev.shoal.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Labels a problem body {@code application/json} for a client that accepts only that: python-troveclient reads
 * an error's message only from a body labelled so, and the body is the same JSON either way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemMediaTypeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, wantsPlainJson(request.getHeader(HttpHeaders.ACCEPT))
                ? new PlainJsonProblems(response) : response);
    }

    static boolean wantsPlainJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
        return accepted.stream().noneMatch(type -> type.includes(MediaType.APPLICATION_PROBLEM_JSON))
                && accepted.stream().anyMatch(type -> type.includes(MediaType.APPLICATION_JSON));
    }

    private static final class PlainJsonProblems extends HttpServletResponseWrapper {

        PlainJsonProblems(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(relabel(type));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? relabel(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? relabel(value) : value);
        }

        private static String relabel(String type) {
            return type != null && type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    ? MediaType.APPLICATION_JSON_VALUE + type.substring(MediaType.APPLICATION_PROBLEM_JSON_VALUE.length())
                    : type;
        }
    }
}
